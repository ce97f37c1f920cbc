import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamCutPlan } from "../../src/index.js";
import { scenarioArbitrary, scenarioSize, streamCutPlanArbitrary, type FuzzScenario } from "../../src/prop/index.js";

const SEED = 555;

/** The fully shrunk counterexample of a property that fails when `fails` holds. */
function minimal<T>(arb: fc.Arbitrary<T>, fails: (v: T) => boolean): T {
  const d = fc.check(fc.property(arb, (v) => !fails(v)), { seed: SEED, numRuns: 500 });
  expect(d.failed).toBe(true);
  return d.counterexample![0];
}

// Shrinking moves toward "no cuts": a failure that needs a cut keeps only the one cut that matters.
describe("stream cut plans shrink toward no cuts", () => {
  const shapes = [
    { conn: 1, sends: [1, 6, 4] },
    { conn: 2, sends: [8] },
  ];

  it("a plan shrinks to the empty plan when no cut is needed", () => {
    expect(minimal(streamCutPlanArbitrary(shapes), () => true)).toEqual({});
  });

  it("a failure that needs one split keeps one split of one offset", () => {
    const plan: StreamCutPlan = minimal(streamCutPlanArbitrary(shapes), (p) => (p.splits?.length ?? 0) > 0);
    expect(plan).toEqual({ splits: [{ conn: 1, send: 1, at: [1] }] });
  });

  it("a failure that needs one merge keeps one merge", () => {
    const plan = minimal(streamCutPlanArbitrary(shapes), (p) => (p.merges?.length ?? 0) > 0);
    expect(plan).toEqual({ merges: [{ conn: 1, send: 1 }] });
  });

  it("a scenario shrinks to one peer that only connects, and no cuts", () => {
    const s: FuzzScenario = minimal(scenarioArbitrary({ protocols: ["tcp"] }), () => true);
    expect(s.splits).toEqual([]);
    expect(s.merges).toEqual([]);
    // A connection may send nothing (issue 12, item 3): the smallest scenario is one bare connect.
    expect(scenarioSize(s)).toMatchObject({ peers: 1, steps: 1, sends: 0, bytes: 0, cuts: 0 });
  });

  it("a scenario that needs a split keeps exactly one, at the first byte", () => {
    const s: FuzzScenario = minimal(scenarioArbitrary({ protocols: ["tcp"] }), (x) => x.splits.length > 0);
    expect(s.splits).toEqual([{ peer: 0, send: 0, at: [1] }]);
    expect(s.merges).toEqual([]);
    expect(scenarioSize(s)).toMatchObject({ peers: 1, sends: 1, bytes: 2, cuts: 1 });
  });
});
