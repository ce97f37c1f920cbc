import { describe, expect, it } from "vitest";
import { CallbackError, createSimulation } from "../../src/index.js";

// R26 (choice): a callback that throws is recorded in the trace; by default the error is
// rethrown from the advance() that ran it; the server keeps running.
describe("callbacks that throw", () => {
  it("rethrows from advance() as CallbackError, records it, and keeps the server running", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8800);
    const got: string[] = [];
    server!.run({
      socket_message: (_c, m) => {
        got.push(m);
        if (m === "boom") throw new Error("handler exploded");
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 8800);
    client!.send("boom");
    let caught: unknown;
    try {
      sim.advance(0);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CallbackError);
    expect((caught as CallbackError).callback).toBe("socket_message");
    expect((caught as Error).message).toMatch(/socket_message on host "renoise" threw: handler exploded/);
    expect(sim.events.find((e) => e.kind === "callback.error")).toMatchObject({ error: "handler exploded" });
    expect(server!.is_running).toBe(true);
    client!.send("after");
    sim.advance(0);
    expect(got).toEqual(["boom", "after"]);
  });

  it('with onCallbackError: "record" only records', () => {
    const sim = createSimulation({ semantics: { onCallbackError: "record" } });
    const [server] = sim.renoise.Socket.create_server(8801);
    server!.run({
      socket_message: () => {
        throw new Error("quiet failure");
      },
    });
    sim.renoise.Socket.create_client("localhost", 8801)[0]!.send("x");
    expect(() => sim.advance(0)).not.toThrow();
    expect(sim.events.some((e) => e.kind === "callback.error" && e.error === "quiet failure")).toBe(true);
  });
});
