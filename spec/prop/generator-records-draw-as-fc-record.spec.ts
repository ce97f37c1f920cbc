import fc from "fast-check";
import { describe, expect, it } from "vitest";

// scenarioArbitrary builds its records as fc.tuple(fields..., fc.boolean()).map(to a
// plain object): fast-check's fc.record draws the fields and then one boolean (null
// prototype or not). Same draws, same values, same shrinks and replay paths, so seeds
// and replay tokens made before that change replay the same scenarios. This checks
// the assumption against the installed fast-check.
const fields = { gap: fc.integer({ min: 0, max: 50 }), data: fc.string({ maxLength: 6 }), ms: fc.option(fc.nat({ max: 100 }), { nil: undefined }) };
const viaRecord = fc.array(fc.record(fields), { maxLength: 4 });
const viaTuple = fc.array(
  fc.tuple(fields.gap, fields.data, fields.ms, fc.boolean()).map(([gap, data, ms]) => ({ gap, data, ms })),
  { maxLength: 4 },
);
const plain = (xs: readonly object[]): object[] => xs.map((x) => ({ ...x }));

describe("records drawn as fc.record draws them", () => {
  it("give the same values for the same seeds", () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(plain(fc.sample(viaTuple, { seed, numRuns: 50 }).flat())).toEqual(plain(fc.sample(viaRecord, { seed, numRuns: 50 }).flat()));
    }
  });

  it("shrink to the same counterexample along the same path", () => {
    const fails = (xs: readonly { gap: number; data: string }[]): boolean => !xs.some((x) => x.gap > 20 && x.data.length > 2);
    let failed = 0;
    for (let seed = 0; seed < 20; seed++) {
      const a = fc.check(fc.property(viaRecord, fails), { seed, numRuns: 200 });
      const b = fc.check(fc.property(viaTuple, fails), { seed, numRuns: 200 });
      expect([b.failed, b.numRuns, b.numShrinks, b.counterexamplePath]).toEqual([a.failed, a.numRuns, a.numShrinks, a.counterexamplePath]);
      if (a.counterexample) expect(plain(b.counterexample![0])).toEqual(plain(a.counterexample[0]));
      if (a.failed) failed++;
    }
    // Most seeds find the counterexample, so shrinking was compared, not just passes.
    expect(failed).toBeGreaterThan(10);
  });
});
