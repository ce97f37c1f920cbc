import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBytes, toBytes } from "../../src/core/bytes.js";
import { from_binary_data, Message, OscMessage, type OscArgument } from "../../src/renoise/osc/index.js";

// from_binary_data builds a message from what it read without checking it
// again: it must be the message Message(pattern, arguments) of those parts,
// frozen the same way; and a packet given as bytes (Uint8Array) decodes as
// its byte string does, errors included.
const byteString = (min: number) => fc.array(fc.integer({ min: 1, max: 255 }), { minLength: min, maxLength: 12 }).map((a) => String.fromCharCode(...a));
const arg: fc.Arbitrary<OscArgument> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value) => ({ tag: "i" as const, value })),
  fc.float().map((value) => ({ tag: "f" as const, value })),
  fc.double().map((value) => ({ tag: "d" as const, value })),
  byteString(0).map((value) => ({ tag: "s" as const, value })),
  byteString(0).map((value) => ({ tag: "b" as const, value })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ tag: "h" as const, value })),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => ({ tag: "t" as const, value })),
  fc.integer({ min: 0, max: 255 }).map((value) => ({ tag: "c" as const, value })),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((value) => ({ tag: "m" as const, value })),
  fc.constantFrom<OscArgument>({ tag: "T" }, { tag: "F" }, { tag: "N" }, { tag: "I" }),
);

describe("a decoded OSC message", () => {
  it("is the message of its pattern and arguments, and bytes decode as their byte string", () => {
    const seed = 20261130;
    console.log(`osc-decoded-message seed ${seed}`);
    fc.assert(
      fc.property(byteString(0), fc.array(arg, { maxLength: 8 }), fc.nat(), (p, args, cut) => {
        const sent = Message("/" + p, args);
        const [got] = from_binary_data(sent.binary_data);
        expect(got).toBeInstanceOf(OscMessage);
        const m = got as OscMessage;
        const rebuilt = Message(m.pattern, m.arguments);
        expect(m.arguments).toEqual(rebuilt.arguments);
        expect(m.binary_data).toBe(rebuilt.binary_data);
        expect([Object.isFrozen(m), Object.isFrozen(m.arguments), m.arguments.every((a) => Object.isFrozen(a))]).toEqual([true, true, true]);
        // A cut packet: the same result (or error) from the bytes and from the string.
        const part = sent.binary_data.slice(0, cut % (sent.binary_data.length + 1));
        const [a, errA] = from_binary_data(part);
        const [b, errB] = from_binary_data(toBytes(part));
        expect(errB).toBe(errA);
        expect(b?.binary_data).toBe(a?.binary_data);
        expect(fromBytes(toBytes(part))).toBe(part);
      }),
      { numRuns: 400, seed },
    );
  });
});
