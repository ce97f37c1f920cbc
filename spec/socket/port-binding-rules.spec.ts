import { describe, expect, it } from "vitest";
import { createSimulation, SocketErrors } from "../../src/index.js";

// R8: binding a bound port fails; TCP and UDP ports are separate; stop() keeps the port, close() frees it.
describe("port binding", () => {
  it("a second bind of the same port and protocol fails with an error string", () => {
    const sim = createSimulation();
    const { Socket } = sim.renoise;
    expect(Socket.create_server(7000)[1]).toBeUndefined();
    expect(Socket.create_server(7000)).toEqual([undefined, SocketErrors.ADDRESS_IN_USE]);
    expect(Socket.create_server("localhost", 7000)).toEqual([undefined, SocketErrors.ADDRESS_IN_USE]);
  });

  it("TCP and UDP ports are separate", () => {
    const sim = createSimulation();
    const { Socket } = sim.renoise;
    expect(Socket.create_server(7001, Socket.PROTOCOL_TCP)[1]).toBeUndefined();
    expect(Socket.create_server(7001, Socket.PROTOCOL_UDP)[1]).toBeUndefined();
  });

  it("stop() keeps the port bound; only close() releases it", () => {
    const sim = createSimulation();
    const { Socket } = sim.renoise;
    const [server] = Socket.create_server(7002);
    server!.run({});
    server!.stop();
    expect(Socket.create_server(7002)).toEqual([undefined, SocketErrors.ADDRESS_IN_USE]);
    server!.close();
    expect(Socket.create_server(7002)[1]).toBeUndefined();
  });

  it("each host has its own ports", () => {
    const sim = createSimulation();
    const other = sim.addHost("other");
    expect(sim.renoise.Socket.create_server(7003)[1]).toBeUndefined();
    expect(other.Socket.create_server(7003)[1]).toBeUndefined();
  });
});
