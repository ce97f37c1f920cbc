import fc from "fast-check";
import { expect, it } from "vitest";
import { fuzzNotifierDetails, scenarioArbitrary, type FuzzScenario } from "../../src/index.js";
import type { SocketClient , FuzzFailure} from "../../src/index.js";

// Hardening (issue 12, item 3): "connect, then leave without sending" (health
// checks, port scanners, a phone that sleeps) is generated without any fault,
// maxSends means 0..N, and shrinking reaches the smallest failing scenario.
const SEED = 4242;

const silent = (s: FuzzScenario): boolean =>
  s.peers.some((p) => {
    // A connection is silent when no send follows its connect before the next connect.
    let open = false;
    let sent = false;
    for (const st of p.steps) {
      if (st.op === "connect") {
        if (open && !sent) return true;
        open = true;
        sent = false;
      } else if (st.op === "send") sent = true;
    }
    return open && !sent;
  });

it("generates silent connections without faults, in a good share of scenarios", () => {
  const samples = fc.sample(scenarioArbitrary({ splits: false, merges: false }), { seed: SEED, numRuns: 200 });
  const n = samples.filter(silent).length;
  console.log(`seed ${SEED}: ${n}/200 scenarios have a silent connection`);
  expect(n).toBeGreaterThan(20);
  // And still plenty that send.
  expect(samples.filter((s) => s.peers.some((p) => p.steps.some((st) => st.op === "send"))).length).toBeGreaterThan(100);
});

it("maxSends is an upper bound from 0: maxSends 0 makes connect-only peers, maxSends 1 at most one send per connection", () => {
  for (const s of fc.sample(scenarioArbitrary({ maxSends: 0 }), { seed: SEED, numRuns: 50 })) {
    expect(s.peers.flatMap((p) => p.steps).filter((st) => st.op === "send")).toEqual([]);
  }
  for (const s of fc.sample(scenarioArbitrary({ maxSends: 1 }), { seed: SEED, numRuns: 100 })) {
    for (const p of s.peers) {
      let sends = 0;
      for (const st of p.steps) {
        if (st.op === "connect") sends = 0;
        if (st.op === "send") expect(++sends).toBeLessThanOrEqual(1);
      }
    }
  }
});

/** BUG: assumes every client speaks before the next one connects; a client that never speaks breaks it. */
class ExpectsEveryClientToSpeak {
  private waiting: string | undefined;
  socket_accepted(c: SocketClient): void {
    if (this.waiting !== undefined) throw new Error(`client ${this.waiting} never spoke`);
    this.waiting = `${c.peer_address}:${c.peer_port}`;
  }
  socket_message(c: SocketClient): void {
    if (`${c.peer_address}:${c.peer_port}` === this.waiting) this.waiting = undefined;
  }
}

it("finds a notifier bug that silent connections show, and shrinks it to two bare connects", () => {
  const d = fuzzNotifierDetails(() => new ExpectsEveryClientToSpeak(), { seed: SEED, runs: 200, faults: [], log: false });
  expect(d.ok).toBe(false);
  const f = d.failure as FuzzFailure;
  expect(f.reason).toMatch(/never spoke/);
  // Minimal: two connects (by one peer or two), no send, nothing else.
  expect(f.sizeAfter).toMatchObject({ steps: 2, sends: 0, bytes: 0, cuts: 0, faults: 0, total: 2 });
  expect(f.scenario.peers.flatMap((p) => p.steps.map((s) => s.op))).toEqual(["connect", "connect"]);
});
