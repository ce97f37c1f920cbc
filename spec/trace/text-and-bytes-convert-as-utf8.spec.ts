import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text, toText } from "../../src/core/bytes.js";

// text() encodes human text as UTF-8 bytes and toText() decodes them; ASCII
// (most names and messages of a trace) is its own UTF-8 and skips the
// encoder. This spec holds both to the plain TextEncoder/TextDecoder rule.
const SEED = 1907;

const reference = {
  text: (s: string): string => String.fromCharCode(...new TextEncoder().encode(s)),
  toText: (b: string): string => new TextDecoder("utf-8").decode(Uint8Array.from(b, (ch) => ch.charCodeAt(0))),
};

describe("text() and toText()", () => {
  it("encode and decode as UTF-8, ASCII as it is", () => {
    expect(text("host.add")).toBe("host.add");
    expect(text("")).toBe("");
    expect(text("é")).toBe("\u00c3\u00a9");
    expect(text("\u007f\u0080")).toBe("\u007f\u00c2\u0080");
    expect(toText("\u00c3\u00a9")).toBe("é");
    expect(toText("\u00ef\u00bb\u00bfBOM")).toBe("BOM"); // a leading BOM is dropped, as TextDecoder does
    expect(toText("\u00ff")).toBe("\ufffd");
    expect(() => toText("\u0100")).toThrow(TypeError); // not a byte string
  });

  it(`agree with TextEncoder/TextDecoder on random text and bytes (seed ${SEED})`, () => {
    const units = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0xffff }));
    const anyText = fc.array(units, { maxLength: 40 }).map((cs) => String.fromCharCode(...cs));
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xff })), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs));
    fc.assert(
      fc.property(anyText, bytes, (s, b) => {
        expect(text(s)).toBe(reference.text(s));
        expect(toText(b)).toBe(reference.toText(b));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
