import { describe, expect, it } from "vitest";
import { createSimulation, SocketLogicError } from "../../src/index.js";

// R26 (choices): run() on a running server raises; stop() then run() resumes with the
// new notifier and delivers what arrived meanwhile; no callback after stop() or close().
describe("server lifecycle choices", () => {
  it("run() on a running server raises", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8700);
    server!.run({});
    expect(() => server!.run({})).toThrow(SocketLogicError);
    expect(() => server!.run({})).toThrow(/already running; call stop\(\) before run\(\) again/);
  });

  it("holds traffic while stopped and delivers it to the next notifier after run()", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8701);
    const first: string[] = [];
    const second: string[] = [];
    server!.run({ socket_message: (_c, m) => first.push(m) });
    const [client] = sim.renoise.Socket.create_client("localhost", 8701);
    client!.send("before");
    sim.advance(0);
    server!.stop();
    server!.stop(); // stopping twice is harmless
    client!.send("while-stopped");
    sim.advance(100);
    expect(first).toEqual(["before"]);
    server!.run({ socket_message: (_c, m) => second.push(m) });
    expect(second).toEqual([]); // not inside run() itself
    sim.advance(0);
    expect(second).toEqual(["while-stopped"]);
  });

  it("a stop() inside a callback prevents the callbacks queued after it", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8702);
    const got: string[] = [];
    server!.run({
      socket_message: (_c, m) => {
        got.push(m);
        server!.stop();
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 8702);
    client!.send("1");
    client!.send("2");
    sim.advance(10);
    expect(got).toEqual(["1"]);
  });

  it("close() drops queued callbacks and they are recorded as dropped", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8703);
    const got: string[] = [];
    server!.run({ socket_message: (_c, m) => got.push(m) });
    server!.stop();
    const [client] = sim.renoise.Socket.create_client("localhost", 8703);
    client!.send("never-seen");
    sim.advance(0);
    server!.close();
    sim.advance(10);
    expect(got).toEqual([]);
    expect(sim.events.filter((e) => e.kind === "callback.dropped").map((e) => e.callback)).toEqual([
      "socket_accepted",
      "socket_message",
    ]);
    // The client sees the server's close.
    expect(client!.receive("*all", 10)).toEqual([undefined, "disconnected"]);
  });
});
