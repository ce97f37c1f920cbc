import { describe, expect, it } from "vitest";
import { createSimulation, SocketErrors } from "../../src/index.js";

// R6: create_server([address,] port [, protocol]).
describe("create_server address forms", () => {
  it("without an address binds any address, reachable as localhost and from other hosts", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(6000);
    expect(server!.local_address).toBe("0.0.0.0");
    expect(server!.local_port).toBe(6000);
    expect(sim.renoise.Socket.create_client("localhost", 6000)[1]).toBeUndefined();
    const peer = sim.addHost("peer");
    expect(peer.Socket.create_client("192.168.1.10", 6000)[1]).toBeUndefined();
  });

  it('"localhost" resolves to 127.0.0.1 and is reachable only from the same host', () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server("localhost", 6001);
    expect(server!.local_address).toBe("127.0.0.1");
    expect(sim.renoise.Socket.create_client("127.0.0.1", 6001)[1]).toBeUndefined();
    const peer = sim.addHost("peer");
    expect(peer.Socket.create_client("192.168.1.10", 6001)).toEqual([undefined, SocketErrors.CONNECTION_REFUSED]);
  });

  it("binds the host's own address, and refuses a foreign one with an error string", () => {
    const sim = createSimulation();
    const [own, err] = sim.renoise.Socket.create_server("192.168.1.10", 6002);
    expect(err).toBeUndefined();
    expect(own!.local_address).toBe("192.168.1.10");
    expect(sim.renoise.Socket.create_server("10.9.9.9", 6003)).toEqual([undefined, SocketErrors.ADDRESS_NOT_AVAILABLE]);
    expect(sim.renoise.Socket.create_server("no.such.name", 6003)).toEqual([undefined, SocketErrors.HOST_NOT_FOUND]);
  });

  it("port 0 binds a free port drawn from the seeded generator", () => {
    const ports = [1, 1, 2].map((seed) => {
      const sim = createSimulation({ seed });
      return sim.renoise.Socket.create_server(0)[0]!.local_port;
    });
    expect(ports[0]).toBe(ports[1]);
    expect(ports[0]).not.toBe(ports[2]);
    expect(ports[0]).toBeGreaterThanOrEqual(49152);
  });
});
