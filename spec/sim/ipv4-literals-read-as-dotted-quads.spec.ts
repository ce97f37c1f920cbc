import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIpv4 } from "../../src/net/address.js";

// Addresses are IPv4 dotted quads: four parts of 1–3 digits, each 0..255,
// leading zeros allowed. The check runs on every name resolved, so it reads
// characters instead of running a regex; this spec holds it to the rule.
const SEED = 4711;

/** The rule, written as plainly as possible. */
function reference(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

describe("isIpv4", () => {
  it("accepts dotted quads of 0..255 and nothing else", () => {
    for (const ok of ["0.0.0.0", "10.0.0.2", "127.0.0.1", "255.255.255.255", "192.168.001.010", "1.2.3.4"]) expect(isIpv4(ok), ok).toBe(true);
    for (const bad of ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4 ", "0001.2.3.4", "a.b.c.d", "localhost", "1.2.3.-4", "１.2.3.4"]) {
      expect(isIpv4(bad), bad).toBe(false);
    }
  });

  it(`agrees with the rule on random strings of digits and dots (seed ${SEED})`, () => {
    const text = fc.string({ unit: fc.constantFrom("0", "1", "2", "5", "9", ".", ".", "x"), maxLength: 17 });
    fc.assert(
      fc.property(text, (s) => {
        expect(isIpv4(s)).toBe(reference(s));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
