import { describe, expect, it } from "vitest";
import { fuzzNotifier, fuzzNotifierDetails, payloads, type FuzzInvariant } from "../../src/prop/index.js";
import { createBuggyOscAck, createFixedOscAck, type OscAck } from "../../fixtures/notifiers/udp-osc-ack.js";

const SEED = 3;

const everyMessageAcked: FuzzInvariant<OscAck> = (run) => run.notifier.acks === run.notifier.understood.length;
const options = {
  seed: SEED,
  runs: 100,
  protocols: ["udp"] as const,
  payload: payloads.nearValid(payloads.oscMessage()),
  invariants: [everyMessageAcked],
};

// Fixture 3: an OSC tool that replies through the UDP "dummy" socket (R18).
describe("fuzzNotifier finds a reply through the UDP dummy socket", () => {
  it("finds it and shrinks it to one peer sending one small OSC message", () => {
    const d = fuzzNotifierDetails((ctx) => createBuggyOscAck(ctx.sim.renoise), options);
    const f = d.failure!;
    console.log(`udp dummy reply: size before shrinking ${JSON.stringify(f.sizeBefore)}, after ${JSON.stringify(f.sizeAfter)}\n${f.readable}`);
    expect(f.sizeAfter).toMatchObject({ peers: 1, steps: 2, sends: 1, cuts: 0 });
    expect(f.sizeAfter.bytes).toBe(16); // "/renoise" + padding + "," + padding: the smallest message the grammar makes
    expect(f.sizeAfter.total).toBeLessThan(f.sizeBefore.total);
    expect(f.reason).toMatch(/SocketLogicError.*dummy/);
  });

  it("would hide it if the dummy could send (semantics.udpDummyCanSend)", () => {
    expect(() => fuzzNotifier((ctx) => createBuggyOscAck(ctx.sim.renoise), { ...options, semantics: { udpDummyCanSend: true } })).not.toThrow();
  });

  it("passes on the fixed version, which replies through a UDP client", () => {
    expect(() => fuzzNotifier((ctx) => createFixedOscAck(ctx.sim.renoise), options)).not.toThrow();
  });
});
