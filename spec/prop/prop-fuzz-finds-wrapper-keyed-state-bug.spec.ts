import { describe, expect, it } from "vitest";
import { fuzzNotifier, fuzzNotifierDetails, payloads, tcpStreams, type FuzzInvariant } from "../../src/prop/index.js";
import { BuggyLineRemote, FixedLineRemote, type LineRemote } from "../../fixtures/notifiers/line-remote.js";

const SEED = 7;

// Every complete line a peer sent must have been executed.
const everyLineExecuted: FuzzInvariant<LineRemote> = (run) => {
  const lines = tcpStreams(run.events).reduce((n, s) => n + (s.sent.match(/\n/g) ?? []).length, 0);
  expect(run.notifier.executed).toHaveLength(lines);
};
const options = { seed: SEED, runs: 100, payload: payloads.lines({ newline: "\n" as const }), invariants: [everyLineExecuted] };

// Fixture 2: a class notifier that keys per-connection sessions by the wrapper object (R25).
describe("fuzzNotifier finds per-connection state keyed by the wrapper object", () => {
  it("finds it with fresh wrappers (the default) and shrinks it to connect + one byte", () => {
    const d = fuzzNotifierDetails(() => new BuggyLineRemote(), options);
    const f = d.failure!;
    console.log(`wrapper-keyed state: size before shrinking ${JSON.stringify(f.sizeBefore)}, after ${JSON.stringify(f.sizeAfter)}\n${f.readable}`);
    expect(f.sizeAfter).toMatchObject({ peers: 1, steps: 2, sends: 1, bytes: 1, cuts: 0 });
    expect(f.sizeAfter.total).toBeLessThan(f.sizeBefore.total);
    expect(f.reason).toMatch(/socket_message raised.*TypeError/);
  });

  it("would hide it if wrappers were stable (why fresh is the default)", () => {
    expect(() => fuzzNotifier(() => new BuggyLineRemote(), { ...options, semantics: { connectionWrappers: "stable" } })).not.toThrow();
  });

  it("passes on the fixed version, with fresh and with stable wrappers", () => {
    expect(() => fuzzNotifier(() => new FixedLineRemote(), options)).not.toThrow();
    expect(() => fuzzNotifier(() => new FixedLineRemote(), { ...options, semantics: { connectionWrappers: "stable" } })).not.toThrow();
  });
});
