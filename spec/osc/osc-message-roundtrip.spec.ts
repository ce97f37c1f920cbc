import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBytes } from "../../src/core/bytes.js";
import { Message, OscMessage, from_binary_data } from "../../src/renoise/osc/index.js";
import type { OscArgument } from "../../src/renoise/osc/index.js";

function roundTrip(m: OscMessage): OscMessage {
  const [back, err] = from_binary_data(m.binary_data);
  expect(err).toBeUndefined();
  expect(back).toBeInstanceOf(OscMessage);
  return back as OscMessage;
}

/** Edge values for every tag Renoise documents. */
const CASES: readonly (readonly [string, OscArgument])[] = [
  ["i min", { tag: "i", value: -2147483648 }],
  ["i max", { tag: "i", value: 2147483647 }],
  ["i zero", { tag: "i", value: 0 }],
  ["f 1.5", { tag: "f", value: 1.5 }],
  ["f -0", { tag: "f", value: -0 }],
  ["f Infinity", { tag: "f", value: Infinity }],
  ["f max float32", { tag: "f", value: 3.4028234663852886e38 }],
  ["f smallest subnormal", { tag: "f", value: 1.401298464324817e-45 }],
  ["f NaN", { tag: "f", value: NaN }],
  ["s empty", { tag: "s", value: "" }],
  ["s high bytes", { tag: "s", value: "caf\xe9 \x01\xff" }],
  ["b empty", { tag: "b", value: "" }],
  ["b NULs", { tag: "b", value: "\0\0\0\0\0" }],
  ["h min", { tag: "h", value: -(2n ** 63n) }],
  ["h max", { tag: "h", value: 2n ** 63n - 1n }],
  ["h -1", { tag: "h", value: -1 }],
  ["t immediately", { tag: "t", value: 1 }],
  ["t max", { tag: "t", value: 2n ** 64n - 1n }],
  ["t NTP-ish", { tag: "t", value: 0xe8f1_2a00_8000_0000n }],
  ["d pi", { tag: "d", value: Math.PI }],
  ["d -Infinity", { tag: "d", value: -Infinity }],
  ["d min subnormal", { tag: "d", value: Number.MIN_VALUE }],
  ["S", { tag: "S", value: "symbol" }],
  ["c", { tag: "c", value: "x" }],
  ["c byte 0xff", { tag: "c", value: "\xff" }],
  ["r", { tag: "r", value: 0xffffffff }],
  ["m", { tag: "m", value: 0x00903c7f }],
  ["T", { tag: "T" }],
  ["F", { tag: "F" }],
  ["N", { tag: "N" }],
  ["I", { tag: "I" }],
];

describe("every Renoise OSC tag round-trips through binary_data and from_binary_data", () => {
  for (const [name, arg] of CASES) {
    it(name, () => {
      const m = Message("/rt", [arg, { tag: "i", value: 7 }]);
      const back = roundTrip(m);
      expect(back.pattern).toBe("/rt");
      expect(back.arguments).toEqual(m.arguments);
      expect(back.binary_data).toBe(m.binary_data);
      expect(back.arguments[1]).toEqual({ tag: "i", value: 7 }); // payload boundaries intact
    });
  }

  it("the constructed arguments are the normalized values", () => {
    const m = Message("/n", [
      { tag: "f", value: 0.1 },
      { tag: "T" },
      { tag: "F" },
      { tag: "N" },
      { tag: "h", value: 2n ** 40n },
      { tag: "c", value: 65 },
    ]);
    expect(m.arguments).toStrictEqual([
      { tag: "f", value: Math.fround(0.1) },
      { tag: "T", value: true },
      { tag: "F", value: false },
      { tag: "N" },
      { tag: "h", value: 2 ** 40 },
      { tag: "c", value: "A" },
    ]);
  });

  it("random messages round-trip exactly (property)", () => {
    const byteString = (min: number) =>
      fc.array(fc.integer({ min, max: 255 }), { maxLength: 12 }).map((a) => fromBytes(Uint8Array.from(a)));
    const arg: fc.Arbitrary<OscArgument> = fc.oneof(
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value) => ({ tag: "i" as const, value })),
      fc.float({ noNaN: true }).map((value) => ({ tag: "f" as const, value })),
      fc.double({ noNaN: true }).map((value) => ({ tag: "d" as const, value })),
      byteString(1).map((value) => ({ tag: "s" as const, value })),
      byteString(1).map((value) => ({ tag: "S" as const, value })),
      byteString(0).map((value) => ({ tag: "b" as const, value })),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ tag: "h" as const, value })),
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => ({ tag: "t" as const, value })),
      fc.integer({ min: 0, max: 255 }).map((value) => ({ tag: "c" as const, value })),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((value) => ({ tag: "r" as const, value })),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((value) => ({ tag: "m" as const, value })),
      fc.constantFrom<OscArgument>({ tag: "T" }, { tag: "F" }, { tag: "N" }, { tag: "I" }),
    );
    const pattern = byteString(1).map((s) => "/" + s);
    fc.assert(
      fc.property(pattern, fc.array(arg, { maxLength: 10 }), (p, args) => {
        const m = Message(p, args);
        expect(m.binary_data.length % 4).toBe(0);
        const back = roundTrip(m);
        expect(back.pattern).toBe(p);
        expect(back.arguments).toEqual(m.arguments);
        expect(back.binary_data).toBe(m.binary_data);
      }),
      { numRuns: 300 },
    );
  });
});
