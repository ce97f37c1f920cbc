import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeBytes } from "../../src/core/bytes.js";
import { hashBytes, Trace, traceShape } from "../../src/core/trace.js";

// A row with a payload keeps the payload's length, hash and first
// `payloadLimit` bytes in an arena of bytes (after a trace's first 64
// payloads, whose fields are made at once), and its event's `bytes`,
// `data` and `hash` are made from them when the event is made. They must be
// what escapeBytes and hashBytes make of the payload itself, for any bytes,
// any limit (a fractional one included), payloads longer than an arena,
// many payloads across arenas, chars that are not bytes, and fields given
// by the caller between rows.

const SEED = 2425;
const SEND = traceShape("udp.send", ["n"], { payload: true });

const fieldsOf = (b: string, limit: number) => ({ bytes: b.length, data: escapeBytes(b, limit), hash: hashBytes(b) });

function readBack(trace: Trace, how: number) {
  return how === 0 ? trace.events : trace.eventsOf(new Set(["udp.send"]));
}

describe("trace payload fields are made from the bytes rows keep", () => {
  it("match escapeBytes and hashBytes of each payload (random bytes and limits, seed printed)", () => {
    console.log("trace payload seed", SEED);
    const byte = fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c));
    const payload = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: byte, maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: byte, minLength: 4000, maxLength: 5000 }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "\u0100", "\uffff", "\n"), maxLength: 12 }) },
      { weight: 1, arbitrary: fc.integer({ min: 65_530, max: 70_000 }).map((n) => "\u00ff".repeat(n)) },
    );
    let cut = 0;
    let nonByte = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 7, 32, 4096, Infinity, 2.5),
        fc.array(fc.tuple(payload, fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 40, max: 80 }),
        (limit, rows, how, before) => {
          const trace = new Trace(() => 0, { payloadLimit: limit });
          const expected: object[] = [];
          // Payloads before the rows under test: the first 64 of a trace keep their fields, the later ones bytes.
          for (let i = 0; i < before; i++) {
            trace.row(SEND, "h", expected.length, `before ${i}`);
            expected.push({ kind: "udp.send", n: expected.length, ...fieldsOf(`before ${i}`, limit) });
          }
          let last = "";
          for (const [b, what] of rows) {
            // 0: the payload again (a shared row), 1: the caller's own fields, else a row of its bytes.
            const bytes = what === 0 ? last : b;
            if (what === 1) trace.row(SEND, "h", expected.length, trace.payload(bytes) as unknown as string);
            else trace.row(SEND, "h", expected.length, bytes);
            expected.push({ kind: "udp.send", n: expected.length, ...fieldsOf(bytes, limit) });
            if (bytes.length > limit) cut++;
            if ([...bytes].some((ch) => ch.charCodeAt(0) > 0xff)) nonByte++;
            last = bytes;
          }
          const events = readBack(trace, how).map(({ kind, n, bytes, data, hash }) => ({ kind, n, bytes, data, hash }));
          expect(events).toEqual(expected);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
    // The generator reached cut payloads and chars that are not bytes.
    expect(cut).toBeGreaterThan(100);
    expect(nonByte).toBeGreaterThan(20);
  });

  it("reads 5,000 payloads kept across many arenas, also after reading part of them", () => {
    const trace = new Trace(() => 0, { payloadLimit: 100 });
    const sent: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const b = `#${i}:` + String.fromCharCode(i % 256).repeat(i % 150);
      sent.push(b);
      trace.row(SEND, "h", i, b);
      if (i === 2500) expect(trace.events).toHaveLength(2501);
    }
    const events = trace.events;
    expect(events).toHaveLength(5000);
    for (let i = 0; i < 5000; i++) {
      const e = events[i]!;
      expect({ bytes: e.bytes, data: e.data, hash: e.hash }).toEqual(fieldsOf(sent[i]!, 100));
    }
  });
});
