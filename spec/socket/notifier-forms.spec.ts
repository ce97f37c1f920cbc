import { describe, expect, it } from "vitest";
import { createSimulation, type Notifier, type SocketClient } from "../../src/index.js";

// R16: run(notifier) with a table of functions or a class instance; every callback is optional.
describe("notifier forms", () => {
  it("calls class instance methods with the instance as this", () => {
    const sim = createSimulation();
    class Tool implements Notifier {
      messages: string[] = [];
      socket_message(_c: SocketClient, m: string): void {
        this.messages.push(m);
      }
    }
    const tool = new Tool();
    const [server] = sim.renoise.Socket.create_server(7800);
    server!.run(tool);
    sim.renoise.Socket.create_client("localhost", 7800)[0]!.send("hi");
    sim.advance(0);
    expect(tool.messages).toEqual(["hi"]);
  });

  it("accepts an empty table and a table with only some callbacks", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7801);
    server!.run({});
    sim.renoise.Socket.create_client("localhost", 7801)[0]!.send("ignored");
    expect(() => sim.advance(0)).not.toThrow();
    const skipped = sim.events.filter((e) => e.kind === "callback" && e.handled === false).map((e) => e.callback);
    expect(skipped).toEqual(["socket_accepted", "socket_message"]);
  });

  it("is_running follows run() and stop(); is_open stays true", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7802);
    expect(server!.is_running).toBe(false);
    server!.run({});
    expect(server!.is_running).toBe(true);
    server!.stop();
    expect(server!.is_running).toBe(false);
    expect(server!.is_open).toBe(true);
  });

  it("looks callbacks up when they run, so a tool may swap handlers while running", () => {
    const sim = createSimulation();
    const notifier: Notifier = {};
    const [server] = sim.renoise.Socket.create_server(7803);
    server!.run(notifier);
    const got: string[] = [];
    notifier.socket_message = (_c, m) => got.push(m);
    sim.renoise.Socket.create_client("localhost", 7803)[0]!.send("late-bound");
    sim.advance(0);
    expect(got).toEqual(["late-bound"]);
  });
});
