import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Notifier } from "../../src/index.js";
import {
  checkInvariants,
  FAULT_KINDS,
  faultPlanArbitrary,
  fuzzNotifierDetails,
  payloads,
  runScenario,
  scenarioArbitrary,
  scenarioSize,
} from "../../src/prop/index.js";
import { startRestlessEcho } from "../../fixtures/notifiers/restless-echo.js";

const SEED = 31337;

// Fault plans: generated from the fault layer's vocabulary, shrinking to none; under faults the
// double still keeps its invariants (errors come back as strings, R9; no callback while stopped, R16 ...).
describe("fault plans", () => {
  it("shrink to the empty plan and replay from the same seed", () => {
    const d = fc.check(fc.property(faultPlanArbitrary(), () => false), { seed: SEED });
    expect(d.counterexample![0]).toEqual([]);
    expect(fc.sample(faultPlanArbitrary(), { seed: SEED, numRuns: 20 })).toEqual(fc.sample(faultPlanArbitrary(), { seed: SEED, numRuns: 20 }));
  });

  it.each(["tcp", "udp"] as const)("%s: the double keeps every invariant under every kind of fault", (protocol) => {
    console.log(`prop-fault-plans (${protocol}): seed ${SEED}`);
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        scenarioArbitrary({ protocols: [protocol], payload: payloads.lines({ newline: "any" }), faults: FAULT_KINDS, maxFaults: 3 }),
        (scenario) => {
          for (const f of scenario.faults ?? []) seen.add(f.kind);
          const run = runScenario(scenario, { start: startRestlessEcho });
          expect(checkInvariants(run)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
    const applicable = protocol === "tcp" ? FAULT_KINDS.filter((k) => k !== "udp") : ["jitter", "udp", "partition", "server-error"];
    expect([...seen].sort()).toEqual([...applicable].sort());
  });

  it("fuzzNotifier injects the faults it is given and shrinks to the one that matters", () => {
    class Strict implements Notifier {
      socket_error(message: string): void {
        throw new Error(`server failed: ${message}`);
      }
    }
    const d = fuzzNotifierDetails(() => new Strict(), { seed: SEED, runs: 100, faults: ["server-error", "reset"], log: false });
    const f = d.failure!;
    console.log(`socket_error: size before ${JSON.stringify(f.sizeBefore)}, after ${JSON.stringify(f.sizeAfter)}\n${f.readable}`);
    expect(f.reason).toMatch(/notifier\.socket_error raised/);
    expect(f.scenario.faults).toEqual([{ kind: "server-error", at: 0 }]);
    expect(scenarioSize(f.scenario)).toMatchObject({ peers: 1, steps: 1, sends: 0, faults: 1 });
    expect(f.readable).toContain("fault: socket_error at 0ms");
  });
});
