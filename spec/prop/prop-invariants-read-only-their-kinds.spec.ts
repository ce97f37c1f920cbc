import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinInvariants, payloads, runScenario, scenarioArbitrary, type FuzzScenarioRun } from "../../src/prop/index.js";
import { startRestlessEcho } from "../../fixtures/notifiers/restless-echo.js";

const SEED = 20261130;

// Invariant.kinds: a built-in invariant that declares the event kinds it reads
// reports the same violations, in the same words, when it is given only the
// events of those kinds (what the fuzzers give it) as when it reads the whole
// trace, on real runs and on runs with events removed (which break invariants).
describe("built-in invariants read only the kinds they declare", () => {
  it("report the same on the whole trace and on their kinds", () => {
    console.log(`prop-invariants-read-only-their-kinds: seed ${SEED}`);
    let violations = 0;
    const arb = fc.tuple(
      scenarioArbitrary({
        protocols: ["tcp", "udp"],
        payload: fc.oneof(payloads.lines({ newline: "any" }), payloads.bytes()),
        faults: ["reset", "partition", "server-error", "udp"],
      }),
      fc.array(fc.nat(), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(arb, ([scenario, removals]) => {
        const run: FuzzScenarioRun<unknown> = runScenario(scenario, { start: startRestlessEcho });
        const events = run.events.filter((_, i) => !removals.some((r) => r % run.events.length === i));
        for (const inv of builtinInvariants) {
          expect(inv.kinds, inv.name).toBeDefined();
          const kinds = new Set(inv.kinds);
          const whole = inv.check({ events, calls: run.calls, faulted: run.faulted, settled: run.settled });
          const own = inv.check({ events: events.filter((e) => kinds.has(e.kind)), calls: run.calls, faulted: run.faulted, settled: run.settled });
          expect(own, inv.name).toEqual(whole);
          violations += whole.length;
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The removals must have broken something, or the comparison above only saw empty lists.
    expect(violations).toBeGreaterThan(0);
  });
});
