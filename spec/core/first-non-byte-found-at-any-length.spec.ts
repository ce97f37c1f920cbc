import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstNonByte, isByteString } from "../../src/core/bytes.js";

// Every payload a tool sends is checked for chars above 0xFF (which are not
// bytes). Long strings are checked with a regular expression, short ones
// char by char; both must find the first such char, at any length.
const SEED = 1907;

/** The rule, written as plainly as possible. */
function reference(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return i;
  return -1;
}

describe("firstNonByte", () => {
  it("finds the first char above 0xFF in short and long strings, and none in byte strings", () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode(i & 0xff)).join("");
    expect(firstNonByte(bytes)).toBe(-1);
    expect(isByteString(bytes)).toBe(true);
    for (const at of [0, 1, 15, 16, 17, 4095]) {
      const s = bytes.slice(0, at) + "\u0100" + bytes.slice(at + 1);
      expect(firstNonByte(s), `at ${at}`).toBe(at);
      expect(isByteString(s)).toBe(false);
    }
    expect(firstNonByte("ab\uffffcd\u0101")).toBe(2);
    expect(firstNonByte("\ud83c\udfb5 lead surrogate")).toBe(0);
  });

  it(`agrees with the rule on random strings up to 64 chars (seed ${SEED})`, () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0x100, max: 0xffff }), fc.constant(0xff), fc.constant(0x100));
    const str = fc.array(unit, { maxLength: 64 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(str, (s) => {
        expect(firstNonByte(s)).toBe(reference(s));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
