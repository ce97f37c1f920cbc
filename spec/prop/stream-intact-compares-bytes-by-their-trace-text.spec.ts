import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeBytes, fromBytes } from "../../src/core/bytes.js";

const SEED = 20261130;

// tcp-stream-intact (src/prop/invariants/tcp-stream-intact.ts) compares what a
// peer sent with what the tool received as the trace writes the bytes
// (escapeBytes), without decoding each payload. That is exact only because
// escapeBytes writes each byte as a code that no other byte's code begins with:
// the text of joined bytes is the joined texts, and one text equals, or starts,
// another exactly when the bytes do.
describe("the trace text of bytes compares as the bytes do", () => {
  const bytes = fc.uint8Array({ maxLength: 80 }).map(fromBytes);
  // Mostly the bytes whose codes share a first character (`\`), so that near misses are drawn.
  const escapedBytes = fc.array(fc.constantFrom(0, 9, 10, 13, 0x22, 0x5c, 0x78, 0x30, 0x31, 0x10, 0x7f, 0xff), { maxLength: 12 }).map((a) => fromBytes(Uint8Array.from(a)));
  const any = fc.oneof(bytes, escapedBytes);

  it("joined texts are the text of the joined bytes", () => {
    console.log(`stream-intact-compares-bytes-by-their-trace-text: seed ${SEED}`);
    fc.assert(
      fc.property(any, any, (a, b) => {
        expect(escapeBytes(a) + escapeBytes(b)).toBe(escapeBytes(a + b));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("a text equals or starts another exactly when the bytes do", () => {
    console.log(`stream-intact-compares-bytes-by-their-trace-text: seed ${SEED}`);
    let prefixes = 0;
    fc.assert(
      fc.property(any, any, fc.nat(), (a, b, cut) => {
        const sent = a + b;
        // A proper prefix of the bytes half the time, other bytes otherwise.
        const delivered = cut % 2 === 0 ? sent.slice(0, cut % (sent.length + 1)) : b;
        if (sent.startsWith(delivered)) prefixes++;
        expect(escapeBytes(sent).startsWith(escapeBytes(delivered))).toBe(sent.startsWith(delivered));
        expect(escapeBytes(sent) === escapeBytes(delivered)).toBe(sent === delivered);
      }),
      { seed: SEED, numRuns: 1000 },
    );
    expect(prefixes).toBeGreaterThan(0);
  });
});
