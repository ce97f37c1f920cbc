import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBytes } from "../../src/core/bytes.js";
import { BytesArbitrary } from "../../src/prop/arbitraries/bytes-arbitrary.js";
import { shrinks, drawBoth } from "../support/fast-check-draws.js";

// payloads.bytes() draws with BytesArbitrary instead of fc.uint8Array(...).map(fromBytes):
// the same draws, values, contexts and shrinks, so seeds and replay paths of fuzz
// campaigns stay what they were.
describe("bytes payloads draw as fast-check's uint8Array would", () => {
  const limits: [number, number][] = [
    [1, 24],
    [0, 0],
    [0, 5],
    [3, 3],
    [1, 200],
  ];

  it("takes the fast path with the installed fast-check", () => {
    for (const [min, max] of limits) expect(new BytesArbitrary(min, max).fast).toBe(true);
  });

  it("gives the same values, contexts, draws and shrinks", () => {
    let biased = 0;
    for (const [min, max] of limits) {
      const ours = new BytesArbitrary(min, max);
      const theirs = fc.uint8Array({ minLength: min, maxLength: max }).map(fromBytes);
      for (let seed = 1; seed <= 150; seed++) {
        for (const bias of [undefined, 1, 2, 3, 7, 20]) {
          const [va, vb, a, b] = drawBoth(ours, theirs, seed * 7919, bias);
          expect(va.value).toBe(vb.value);
          expect(va.context).toEqual(vb.context);
          expect(va.hasToBeCloned).toBe(vb.hasToBeCloned);
          // The same number of draws: both generators go on alike.
          expect(a.nextInt(0, 0x7fffffff)).toBe(b.nextInt(0, 0x7fffffff));
          if (seed % 10 === 0) expect(shrinks(ours, va, 12)).toEqual(shrinks(theirs, vb, 12));
          if (bias !== undefined) biased++;
        }
      }
    }
    expect(biased).toBeGreaterThan(0);
  });

  it("shrinks a failure found by fc.check to the same counterexample", () => {
    const SEED = 20261130;
    console.log(`bytes-payload-draws-as-fast-check: seed ${SEED}`);
    const failing = (s: string): boolean => !(s.length > 3 && s.charCodeAt(1) > 100);
    const ours = fc.check(fc.property(new BytesArbitrary(1, 24), failing), { seed: SEED, numRuns: 500 });
    const theirs = fc.check(fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }).map(fromBytes), failing), { seed: SEED, numRuns: 500 });
    expect(theirs.failed).toBe(true);
    expect(ours.counterexample).toEqual(theirs.counterexample);
    expect(ours.counterexamplePath).toBe(theirs.counterexamplePath);
    expect(ours.numShrinks).toBe(theirs.numShrinks);
  });
});
