import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// sim.spawn: peers written as generator scripts wait in virtual time side by side.
describe("peer scripts", () => {
  it("lets several peers wait at once, each resuming when its own data arrives", () => {
    const sim = createSimulation({ latency: 10 });
    const [server] = sim.renoise.Socket.create_server(9100);
    server!.run({ socket_message: (c, m) => void c.send(`hi ${m}\n`) });
    const done: string[] = [];
    for (const [name, delay] of [["slow", 50], ["fast", 0]] as const) {
      sim.addHost(name);
      sim.spawn(name, function* (peer) {
        yield* peer.sleep(delay);
        const [c, err] = yield* peer.connect("192.168.1.10", 9100);
        expect(err).toBeUndefined();
        c!.send(name);
        const [line] = yield* peer.receive(c!, "*line", 1000);
        done.push(`${line}@${sim.now}`);
        c!.close();
      });
    }
    sim.runUntilIdle();
    // fast: connect 0→20, send 20→30, reply →40. slow starts at 50: →90.
    expect(done).toEqual(["hi fast@40", "hi slow@90"]);
  });

  it("reports connect and receive failures like the blocking calls", () => {
    const sim = createSimulation();
    const peer = sim.addHost("p");
    const results: unknown[] = [];
    sim.spawn(peer, function* (p) {
      results.push(yield* p.connect("192.168.1.10", 1));
      results.push(yield* p.connect("10.44.44.44", 1, 1, 300));
      results.push(sim.now);
    });
    sim.runUntilIdle();
    expect(results).toEqual([[undefined, "Connection refused"], [undefined, "Connection timed out"], 300]);
  });

  it("refuses a script that is not a generator", () => {
    const sim = createSimulation();
    sim.addHost("p");
    expect(() => sim.spawn("p", (() => undefined) as never)).toThrow(/generator function/);
  });
});
