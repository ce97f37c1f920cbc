import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ByteString } from "../../src/core/bytes.js";
import { bytesPayload, linesPayload } from "../../src/prop/arbitraries/payloads.js";
import { drawsInOneStep, sendArbitrary, type RawSend } from "../../src/prop/arbitraries/send-arbitrary.js";
import { comparable, shrinks, drawBoth } from "../support/fast-check-draws.js";

/** The send record as scenarioArbitrary built it with fast-check's own combinators (before sendArbitrary). */
function composed(gap: fc.Arbitrary<number>, payload: fc.Arbitrary<ByteString>, maxWait: number): fc.Arbitrary<RawSend> {
  const waitMode = fc.oneof(fc.constantFrom<"*all" | "*line">("*all", "*line"), fc.integer({ min: 1, max: 16 }));
  const wait = fc.option(
    fc.tuple(gap, fc.integer({ min: 0, max: maxWait }), waitMode, fc.boolean()).map(([gap, ms, mode]) => ({ gap, ms, mode })),
    { nil: undefined },
  );
  return fc.tuple(gap, payload, wait, fc.boolean()).map(([gap, data, wait]) => ({ gap, data, wait }));
}

// scenarioArbitrary draws each send record (with its optional receive) in one step
// (sendArbitrary) instead of through fast-check's tuple, option, oneof and maps: the
// same draws, values, contexts and shrinks, so seeds and replay paths stay what they were.
describe("send records draw as fast-check's composition would", () => {
  const setups: [string, fc.Arbitrary<number>, fc.Arbitrary<ByteString>, number][] = [
    ["defaults", fc.integer({ min: 0, max: 50 }), bytesPayload(), 100],
    ["lines, no gaps", fc.integer({ min: 0, max: 0 }), linesPayload({ newline: "any" }), 5],
    ["wide", fc.integer({ min: 0, max: 5000 }), bytesPayload({ minLength: 0, maxLength: 3 }), 0],
  ];

  it("takes the one-step path with the installed fast-check", () => {
    for (const [, gap, payload, maxWait] of setups) expect(drawsInOneStep(sendArbitrary(gap, payload, maxWait, true))).toBe(true);
    // Without receives there is nothing to gain: fast-check's own composition.
    expect(drawsInOneStep(sendArbitrary(fc.nat(5), bytesPayload(), 10, false))).toBe(false);
  });

  it("gives the same values, contexts, draws and shrinks", () => {
    let waited = 0;
    let modes = 0;
    for (const [name, gap, payload, maxWait] of setups) {
      const ours = sendArbitrary(gap, payload, maxWait, true);
      const theirs = composed(gap, payload, maxWait);
      for (let seed = 1; seed <= 120; seed++) {
        for (const bias of [undefined, 1, 2, 5, 20]) {
          const [va, vb, a, b] = drawBoth(ours, theirs, seed * 104729, bias);
          expect(va.value, name).toEqual(vb.value);
          expect(comparable(va.context), name).toEqual(comparable(vb.context));
          // The same number of draws: both generators go on alike.
          expect(a.nextInt(0, 0x7fffffff)).toBe(b.nextInt(0, 0x7fffffff));
          if (seed % 8 === 0) expect(shrinks(ours, va, 15)).toEqual(shrinks(theirs, vb, 15));
          if (va.value.wait) {
            waited++;
            if (typeof va.value.wait.mode === "number") modes++;
          }
        }
      }
    }
    // Both arms of the option and of the receive mode were drawn.
    expect(waited).toBeGreaterThan(0);
    expect(modes).toBeGreaterThan(0);
  });

  it("shrinks a failure found by fc.check to the same counterexample", () => {
    const SEED = 20261130;
    console.log(`send-records-draw-as-fast-check: seed ${SEED}`);
    const gap = fc.integer({ min: 0, max: 50 });
    const failing = (sends: RawSend[]): boolean => !sends.some((s) => s.wait !== undefined && s.wait.mode === "*line" && s.data.length > 2 && s.gap > 3);
    const ours = fc.check(fc.property(fc.array(sendArbitrary(gap, bytesPayload(), 100, true), { maxLength: 5 }), failing), { seed: SEED, numRuns: 500 });
    const theirs = fc.check(fc.property(fc.array(composed(gap, bytesPayload(), 100), { maxLength: 5 }), failing), { seed: SEED, numRuns: 500 });
    expect(theirs.failed).toBe(true);
    expect(ours.counterexample).toEqual(theirs.counterexample);
    expect(ours.counterexamplePath).toBe(theirs.counterexamplePath);
    expect(ours.numShrinks).toBe(theirs.numShrinks);
  });
});
