import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeBytes } from "../../src/core/bytes.js";

// Trace payloads are rendered by escapeBytes: printable ASCII as it is,
// backslash and double quote escaped, common controls as \n \r \t \0 and
// every other byte as \xNN, cut at `max` chars of input with "…" after.
// Text that needs no escaping takes a shortcut; both paths must agree with
// the rule.
const SEED = 2718;

/** The rule, written as plainly as possible. */
function reference(b: string, max: number): string {
  const named: Record<number, string> = { 0x5c: "\\\\", 0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t", 0x00: "\\0", 0x22: '\\"' };
  let out = "";
  for (let i = 0; i < Math.min(b.length, max); i++) {
    const c = b.charCodeAt(i);
    if (named[c] !== undefined) out += named[c];
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += "\\x" + c.toString(16).padStart(2, "0");
  }
  return b.length > max ? out + "…" : out;
}

describe("escapeBytes", () => {
  it("keeps printable text as it is and escapes the rest, at any length and cut", () => {
    expect(escapeBytes("GET / HTTP/1.1")).toBe("GET / HTTP/1.1");
    expect(escapeBytes('say "hi"\\\n')).toBe('say \\"hi\\"\\\\\\n');
    expect(escapeBytes("\x00\x7f\xff\t\r")).toBe("\\0\\x7f\\xff\\t\\r");
    expect(escapeBytes("abcdef", 3)).toBe("abc…");
    expect(escapeBytes("ab\ncdef", 3)).toBe("ab\\n…");
    const long = "x".repeat(10_000);
    expect(escapeBytes(long, 4096)).toBe("x".repeat(4096) + "…");
  });

  it(`agrees with the rule on random printable text, text with controls, any bytes, and cuts (seed ${SEED})`, () => {
    const printable = fc.integer({ min: 0x20, max: 0x7e });
    const anyByte = fc.integer({ min: 0, max: 0xff });
    const textish = fc.oneof(printable, fc.constantFrom(0x0a, 0x0d, 0x09, 0x5c, 0x22, 0x00));
    const str = fc
      .oneof(fc.array(printable, { maxLength: 160 }), fc.array(textish, { maxLength: 160 }), fc.array(anyByte, { maxLength: 160 }))
      .map((c) => String.fromCharCode(...c));
    fc.assert(
      fc.property(str, fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 170 })), (s, max) => {
        expect(escapeBytes(s, max)).toBe(reference(s, max));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
