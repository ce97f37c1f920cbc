import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBytes } from "../../src/core/bytes.js";
import { Bundle, Message, from_binary_data } from "../../src/renoise/osc/index.js";

const bytes = (h: string): string => fromBytes(Uint8Array.from(h.split(/\s+/).filter(Boolean), (x) => parseInt(x, 16)));

/** Asserts that decoding fails with an error string matching `pattern`. */
function expectError(data: string, pattern: RegExp): void {
  const result = from_binary_data(data);
  expect(result[0]).toBeUndefined();
  expect(typeof result[1]).toBe("string");
  expect(result[1]).toMatch(pattern);
}

const GOOD = Message("/foo", [
  { tag: "i", value: 1000 },
  { tag: "f", value: 1.5 },
  { tag: "s", value: "hi" },
]).binary_data;

describe("from_binary_data returns [undefined, error] for malformed data", () => {
  it("empty data", () => expectError("", /empty/));

  it("not OSC at all", () => expectError("hello world!", /must start with "\/" or "#bundle"/));

  it("size not a multiple of 4", () => expectError("/foo\0\0\0\0,\0\0\0\0", /multiple of 4/));

  it("every 4-byte truncation of a valid message", () => {
    for (let n = 4; n < GOOD.length; n += 4) {
      if (n === 8) continue; // "/foo\0\0\0\0" alone is a valid message without type tags (see osc-from-binary-data-missing-type-tags)
      const [obj, err] = from_binary_data(GOOD.slice(0, n));
      expect(obj, `truncated to ${n} bytes`).toBeUndefined();
      expect(err).toMatch(/truncated|NUL-terminated|padding|type tag/);
    }
  });

  it("truncated argument payload", () => expectError(bytes("2f 61 00 00 2c 69 64 00 00 00 00 01"), /truncated float64/));

  it("address without terminating NUL", () => expectError("/abc", /not NUL-terminated/));

  it("non-zero string padding", () => expectError(bytes("2f 61 00 01 2c 00 00 00"), /bad padding/));

  it("non-zero blob padding", () =>
    expectError(bytes("2f 61 00 00 2c 62 00 00 00 00 00 01 41 00 07 00"), /bad padding after blob/));

  it("blob size larger than the data", () =>
    expectError(bytes("2f 61 00 00 2c 62 00 00 00 00 00 10 41 00 00 00"), /truncated blob/));

  it("negative blob size", () =>
    expectError(bytes("2f 61 00 00 2c 62 00 00 ff ff ff fc 41 00 00 00"), /negative blob size/));

  it("unknown type tag", () => expectError(bytes("2f 61 00 00 2c 78 00 00"), /unknown type tag "x"/));

  it("array tags are rejected", () =>
    expectError(bytes("2f 61 00 00 2c 5b 69 5d 00 00 00 00 00 00 00 01"), /arrays/));

  it("type tag string not starting with a comma", () => expectError(bytes("2f 61 00 00 69 00 00 00"), /must start with ","/));

  it("trailing bytes after the last argument", () =>
    expectError(GOOD + "\0\0\0\0", /4 unexpected bytes after the last argument/));

  it("char argument out of 0..255", () =>
    expectError(bytes("2f 61 00 00 2c 63 00 00 00 00 01 00"), /char argument .* out of range/));

  it("bundle element size overflow", () => {
    const b = Bundle(1, [Message("/a")]).binary_data;
    // claim 0x7fffffff bytes for the only element
    const bad = b.slice(0, 16) + "\x7f\xff\xff\xff" + b.slice(20);
    expectError(bad, /element size 2147483647 overflows the bundle/);
    // element size with the high bit set must not be read as negative
    expectError(b.slice(0, 16) + "\xff\xff\xff\xf8" + b.slice(20), /overflows the bundle/);
  });

  it("bundle element size zero or unaligned", () => {
    expectError(bytes("23 62 75 6e 64 6c 65 00 00 00 00 00 00 00 00 01 00 00 00 00"), /positive multiple of 4/);
    expectError(
      bytes("23 62 75 6e 64 6c 65 00 00 00 00 00 00 00 00 01 00 00 00 02 2f 61 00 00"),
      /positive multiple of 4/,
    );
  });

  it("bundle truncated inside its time tag", () => expectError(bytes("23 62 75 6e 64 6c 65 00 00 00 00 00"), /time tag/));

  it("bad element inside a bundle reports the absolute offset", () => {
    // element is "xyz\0" (not an OSC packet) at absolute offset 20
    expectError(bytes("23 62 75 6e 64 6c 65 00 00 00 00 00 00 00 00 01 00 00 00 04 78 79 7a 00"), /at byte 20: not an OSC/);
  });

  it("bundles nested too deeply", () => {
    let b = Bundle(1, []);
    for (let i = 0; i < 70; i++) b = Bundle(1, [b]);
    expectError(b.binary_data, /nested deeper than 64/);
  });

  it("never throws on random or mutated data (property)", () => {
    const valid = [GOOD, Bundle(1, [Message("/x", [{ tag: "b", value: "\0\x01" }]), Bundle(2, [])]).binary_data];
    const mutated = fc
      .tuple(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([v, pos, byte]) => {
        const i = pos % v.length;
        return v.slice(0, i) + String.fromCharCode(byte) + v.slice(i + 1);
      });
    const random = fc.uint8Array({ maxLength: 64 }).map(fromBytes);
    const prefixed = fc.uint8Array({ maxLength: 60 }).map((a) => "#bundle\0" + fromBytes(a));
    fc.assert(
      fc.property(fc.oneof(mutated, random, prefixed), (data) => {
        const [obj, err] = from_binary_data(data);
        expect((obj === undefined) !== (err === undefined)).toBe(true);
        if (obj !== undefined) {
          // canonical re-encoding is stable, and equals the input unless the
          // input omitted type tag strings (which re-encoding adds)
          expect(from_binary_data(obj.binary_data)[0]?.binary_data).toBe(obj.binary_data);
          if (obj.binary_data !== data) expect(obj.binary_data.length).toBeGreaterThan(data.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
