import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createOscApi, isByteString, SimulationUsageError } from "../../src/index.js";
import { payloads } from "../../src/prop/index.js";

const SEED = 808;
const Osc = createOscApi();
const sample = <T>(arb: fc.Arbitrary<T>, n = 200): T[] => fc.sample(arb, { seed: SEED, numRuns: n });

// Payload grammars make inputs tools actually parse, as byte strings (R11, R23).
describe("payload grammars", () => {
  it("bytes: byte strings of 1..maxLength bytes, any byte value", () => {
    const all = sample(payloads.bytes({ maxLength: 8 }), 500);
    for (const b of all) {
      expect(isByteString(b)).toBe(true);
      expect(b.length).toBeGreaterThanOrEqual(1);
      expect(b.length).toBeLessThanOrEqual(8);
    }
    expect(all.some((b) => b.includes("\0"))).toBe(true);
    expect(all.some((b) => /[\x80-\xff]/.test(b))).toBe(true);
  });

  it("lines: each line ends with the chosen newline and holds no other", () => {
    for (const l of sample(payloads.line({ newline: "\r\n" }))) expect(l).toMatch(/^[^\r\n]*\r\n$/);
    const mixed = sample(payloads.lines({ newline: "any", maxLines: 4 })).join("");
    expect(mixed).toContain("\r\n");
    expect(mixed).toMatch(/\r(?!\n)/);
  });

  it("HTTP requests: a request line, headers, and exactly Content-Length bytes of body", () => {
    for (const r of sample(payloads.httpRequest({ methods: ["GET", "POST", "PUT"] }))) {
      const m = /^(GET|POST|PUT) (\/[a-z0-9/]*) HTTP\/1\.1\r\n((?:[^\r\n]+\r\n)*)\r\n([\s\S]*)$/.exec(r);
      expect(m, r).not.toBeNull();
      const length = /Content-Length: (\d+)/.exec(m![3]!)?.[1];
      expect(m![4]!.length).toBe(Number(length ?? 0));
    }
  });

  it("OSC messages: decode with renoise.Osc.from_binary_data to the same bytes", () => {
    for (const b of sample(payloads.oscMessage())) {
      const [msg, err] = Osc.from_binary_data(b);
      expect(err).toBeUndefined();
      expect(msg!.binary_data).toBe(b);
    }
  });

  it("near-valid: mutations of a valid payload, shrinking back to the valid one", () => {
    const valid = "GET / HTTP/1.1\r\n\r\n";
    const variants = sample(payloads.nearValid(fc.constant(valid), 2));
    expect(variants).toContain(valid);
    expect(variants.some((v) => v !== valid)).toBe(true);
    const d = fc.check(fc.property(payloads.nearValid(fc.constant(valid)), () => false), { seed: SEED });
    expect(d.counterexample![0]).toBe(valid);
  });

  it("custom: takes byte strings and Uint8Arrays, rejects text that is not bytes", () => {
    expect(sample(payloads.custom(fc.constant(new Uint8Array([0, 255]))), 1)).toEqual(["\0\xff"]);
    expect(() => sample(payloads.custom(fc.constant("snow ☃")), 1)).toThrow(SimulationUsageError);
    expect(() => sample(payloads.custom(fc.constant("snow ☃")), 1)).toThrow(/payloads\.custom: character U\+2603/);
  });
});
