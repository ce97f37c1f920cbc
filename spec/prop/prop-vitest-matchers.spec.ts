import { describe, expect, it } from "vitest";
import { createSimulation, type Simulation } from "../../src/index.js";
import { installRenoiseMatchers } from "../../src/vitest-base.js";

installRenoiseMatchers();

/** An upper-casing echo on port 9000 and one peer that sends twice and reads the replies. */
function echoWorld(): Simulation {
  const sim = createSimulation({ seed: 5, latency: 2, trace: { payloadLimit: Infinity } });
  const [server] = sim.renoise.Socket.create_server(9000);
  server!.run({ socket_message: (c, m) => void c.send(m.toUpperCase()) });
  sim.spawn(sim.addHost("peer1"), function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 9000);
    c!.send("hello\n");
    yield* peer.receive(c!, "*line", 50);
    c!.send("bye\n");
    yield* peer.receive(c!, "*line", 50);
  });
  sim.runUntilIdle();
  return sim;
}

// Trace matchers: the callback sequence, and the bytes a host received.
describe("renoise-sim/vitest matchers", () => {
  const sim = echoWorld();

  it("toHaveCallbackSequence: the notifier callbacks in order, with or without the socket_ prefix", () => {
    expect(sim).toHaveCallbackSequence(["accepted", "message", "message"]);
    expect(sim.events).toHaveCallbackSequence(["socket_accepted", "socket_message", "socket_message"]);
    expect(sim).toHaveCallbackSequence(["accepted", "message", "message"], { server: "tcp 0.0.0.0:9000" });
    expect(sim).toHaveCallbackSequence([], { server: "udp 0.0.0.0:9000" });
    expect(sim).not.toHaveCallbackSequence(["message"]);
    expect(() => expect(sim).toHaveCallbackSequence(["message", "accepted"])).toThrow(
      /expected callbacks \[socket_message, socket_accepted\]\s+got callbacks \[socket_accepted, socket_message, socket_message\]/,
    );
  });

  it("toHaveReceivedBytes: every byte delivered to a host, concatenated", () => {
    expect(sim).toHaveReceivedBytes("peer1", "HELLO\nBYE\n");
    expect(sim).toHaveReceivedBytes("renoise", "hello\nbye\n");
    expect(sim).not.toHaveReceivedBytes("peer1", "HELLO\n");
    expect(() => expect(sim).toHaveReceivedBytes("peer1", "HI")).toThrow(/expected peer1 to have received "HI" \(2 B\)/);
  });

  it("says what it needs when given something else", () => {
    expect(() => expect(42).toHaveCallbackSequence([])).toThrow(/toHaveCallbackSequence: expected a simulation, a run or an array of trace events/);
  });
});
