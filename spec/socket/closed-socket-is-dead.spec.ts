import { describe, expect, it } from "vitest";
import { createSimulation, SocketLogicError } from "../../src/index.js";

// R14: after an explicit close() every property and method raises.
describe("close() makes a socket dead", () => {
  it("client: every property and method raises", () => {
    const sim = createSimulation();
    sim.renoise.Socket.create_server(7400);
    const [client] = sim.renoise.Socket.create_client("localhost", 7400);
    client!.close();
    const c = client!;
    for (const read of [() => c.is_open, () => c.local_address, () => c.local_port, () => c.peer_address, () => c.peer_port]) {
      expect(read).toThrow(SocketLogicError);
    }
    expect(() => c.send("x")).toThrow(/closed with close\(\)/);
    expect(() => c.receive("*all", 0)).toThrow(SocketLogicError);
    expect(() => c.close()).toThrow(SocketLogicError);
  });

  it("server: every property and method raises", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7401);
    const s = server!;
    s.close();
    for (const read of [() => s.is_open, () => s.is_running, () => s.local_address, () => s.local_port]) {
      expect(read).toThrow(SocketLogicError);
    }
    expect(() => s.run({})).toThrow(/SocketServer:run: the server was closed/);
    expect(() => s.stop()).toThrow(SocketLogicError);
    expect(() => s.wait(10)).toThrow(SocketLogicError);
  });

  it("accepted connection: close() through one wrapper kills every wrapper of it", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7402);
    const wrappers: { close(): void; is_open: boolean }[] = [];
    server!.run({ socket_accepted: (c) => void wrappers.push(c), socket_message: (c) => void wrappers.push(c) });
    const [client] = sim.renoise.Socket.create_client("localhost", 7402);
    client!.send("hi");
    sim.advance(0);
    expect(wrappers).toHaveLength(2);
    wrappers[0]!.close();
    expect(() => wrappers[1]!.is_open).toThrow(SocketLogicError);
    // The peer sees an orderly close.
    expect(client!.receive("*all", 10)).toEqual([undefined, "disconnected"]);
  });
});
