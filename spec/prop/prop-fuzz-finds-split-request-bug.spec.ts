import { describe, expect, it } from "vitest";
import { fuzzNotifier, fuzzNotifierDetails, payloads, tcpStreams, type FuzzInvariant } from "../../src/prop/index.js";
import { createBuggyHttpRemote, createFixedHttpRemote, type HttpRemote } from "../../fixtures/notifiers/http-remote.js";

const SEED = 42;

// Every complete request a peer sent must have been handled exactly once.
const everyRequestHandled: FuzzInvariant<HttpRemote> = (run) => {
  const sent = tcpStreams(run.events).reduce((n, s) => n + (s.sent.match(/ HTTP\/1\.1\r\n/g) ?? []).length, 0);
  expect(run.notifier.handled).toHaveLength(sent);
};
const options = { seed: SEED, runs: 100, payload: payloads.httpRequest(), invariants: [everyRequestHandled] };

// Fixture 1: an HTTP remote that assumes one whole request per socket_message (R21).
describe("fuzzNotifier finds a handler that assumes one request per socket_message", () => {
  it("finds it under stream cuts and shrinks it to one send with one cut", () => {
    const d = fuzzNotifierDetails(createBuggyHttpRemote, options);
    expect(d.ok).toBe(false);
    const f = d.failure!;
    console.log(`split request bug: size before shrinking ${JSON.stringify(f.sizeBefore)}, after ${JSON.stringify(f.sizeAfter)}\n${f.readable}`);
    expect(f.sizeAfter).toMatchObject({ peers: 1, steps: 2, sends: 1, cuts: 1 });
    expect(f.sizeAfter.total).toBeLessThan(f.sizeBefore.total);
    expect(f.scenario.splits).toHaveLength(1);
    expect(f.reason).toMatch(/socket_message raised|handled/);
  });

  it("finds it with merges alone: two requests in one socket_message", () => {
    const d = fuzzNotifierDetails(createBuggyHttpRemote, { ...options, faults: ["merge"] });
    const f = d.failure!;
    console.log(`merged requests: size before ${f.sizeBefore.total}, after ${f.sizeAfter.total}\n${f.readable}`);
    expect(f.sizeAfter).toMatchObject({ peers: 1, sends: 2, cuts: 1 });
    expect(f.scenario.merges).toHaveLength(1);
  });

  it("does not see the bug without cuts (one request per send)", () => {
    expect(() => fuzzNotifier(createBuggyHttpRemote, { ...options, faults: [] })).not.toThrow();
  });

  it("passes on the fixed version", () => {
    expect(() => fuzzNotifier(createFixedHttpRemote, options)).not.toThrow();
  });
});
