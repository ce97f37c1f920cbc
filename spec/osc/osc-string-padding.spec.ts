import { describe, expect, it } from "vitest";
import { Message, from_binary_data } from "../../src/renoise/osc/index.js";

/** Size of an OSC-string holding n bytes: n + 1..4 NULs, a multiple of 4. */
const oscStringSize = (n: number): number => Math.ceil((n + 1) / 4) * 4;

describe("OSC-strings are NUL-terminated and padded to 4 bytes (lengths 0..8)", () => {
  for (let n = 0; n <= 8; n++) {
    it(`string argument of length ${n}`, () => {
      const s = "abcdefgh".slice(0, n);
      const m = Message("/p", [{ tag: "s", value: s }]);
      // "/p\0\0" (4) + ",s\0\0" (4) + string
      const expectedPad = oscStringSize(n) - n;
      expect(expectedPad).toBeGreaterThanOrEqual(1);
      expect(expectedPad).toBeLessThanOrEqual(4);
      expect(m.binary_data.length).toBe(8 + oscStringSize(n));
      expect(m.binary_data.slice(8)).toBe(s + "\0".repeat(expectedPad));

      const [back, err] = from_binary_data(m.binary_data);
      expect(err).toBeUndefined();
      expect(back?.binary_data).toBe(m.binary_data);
      expect(back).toMatchObject({ pattern: "/p", arguments: [{ tag: "s", value: s }] });
    });

    it(`address pattern of length ${n + 1}`, () => {
      const pattern = "/" + "abcdefgh".slice(0, n);
      const m = Message(pattern);
      expect(m.binary_data.length).toBe(oscStringSize(pattern.length) + 4);
      expect(m.binary_data.slice(0, oscStringSize(pattern.length))).toBe(
        pattern + "\0".repeat(oscStringSize(pattern.length) - pattern.length),
      );
      const [back] = from_binary_data(m.binary_data);
      expect(back).toMatchObject({ pattern, arguments: [] });
    });
  }

  it("type tag strings are padded the same way (0..8 tags)", () => {
    for (let n = 0; n <= 8; n++) {
      const m = Message(
        "/q",
        Array.from({ length: n }, () => ({ tag: "T" as const })),
      );
      // tag string is "," + n tags
      expect(m.binary_data.length).toBe(4 + oscStringSize(n + 1));
      expect(from_binary_data(m.binary_data)[0]?.binary_data).toBe(m.binary_data);
    }
  });
});
