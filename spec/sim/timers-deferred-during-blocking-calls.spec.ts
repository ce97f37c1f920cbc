import { afterEach, describe, expect, it } from "vitest";
import { createSimulation, type Simulation } from "../../src/index.js";

// R20: tool timers that come due during a blocking call fire after it returns, in due order;
// at equal virtual time, timers fire before network events.
describe("timers and blocking calls", () => {
  let sim: Simulation | undefined;
  afterEach(() => sim?.dispose());

  it("defers timers due during a receive until the next step of virtual time", () => {
    sim = createSimulation();
    const s = sim;
    const fired: string[] = [];
    s.clock.setTimeout(() => fired.push(`a@${s.now}`), 100);
    s.clock.setTimeout(() => fired.push(`b@${s.now}`), 200);
    s.renoise.Socket.create_server(7600);
    const [client] = s.renoise.Socket.create_client("localhost", 7600);
    client!.receive("*all", 500);
    expect(fired).toEqual([]); // nothing ran inside the blocking call
    expect(s.now).toBe(500);
    s.advance(0);
    // Both fire after the call returned, in due order (they were late).
    expect(fired.map((f) => f.split("@")[0])).toEqual(["a", "b"]);
    // The trace shows each timer and how late it ran.
    const timers = s.events.filter((e) => e.kind === "timer");
    expect(timers.map((e) => [e.t, e.late])).toEqual([
      [500, 400],
      [500, 300],
    ]);
  });

  it("runs the tool's timers and network events in virtual-time order when advancing", () => {
    sim = createSimulation({ latency: 30 });
    const s = sim;
    const far = s.addHost("far");
    const [server] = far.Socket.create_server(7601, 2);
    const order: string[] = [];
    server!.run({ socket_message: (_c, m) => order.push(`msg ${m} @${s.now}`) });
    const [client] = s.renoise.Socket.create_client("far", 7601, 2);
    s.clock.setTimeout(() => {
      order.push(`timer @${s.now}`);
      client!.send("from-timer");
    }, 10);
    client!.send("direct");
    s.advance(100);
    expect(order).toEqual(["timer @10", "msg direct @30", "msg from-timer @40"]);
  });

  it("at equal virtual time, a timer fires before a network event, even one scheduled earlier", () => {
    sim = createSimulation({ latency: 10 });
    const s = sim;
    const phone = s.addHost("phone");
    const [server] = s.renoise.Socket.create_server(7602, 2);
    const order: string[] = [];
    server!.run({ socket_message: (_c, m) => order.push(`msg ${m} @${s.now}`) });
    const [client] = phone.Socket.create_client(s.host.address, 7602, 2);
    client!.send("x"); // arrives at 10
    s.clock.setTimeout(() => order.push(`timer @${s.now}`), 10); // due at 10, set after the send
    s.advance(100);
    expect(order).toEqual(["timer @10", "msg x @10"]);
  });
});
