import { describe, expect, it } from "vitest";
import { escapeBytes } from "../../src/core/bytes.js";
import { hashBytes, Trace, traceShape } from "../../src/core/trace.js";

// A payload with a char that is not a byte keeps its fields as they were
// made before (the arena refuses it). When such a payload is longer than an
// arena (64 KiB) under a limit that keeps it whole, the arena started for it
// must not leave later payloads at places past 64 KiB in that arena, which
// read back as another arena's bytes (or a RangeError).

const SEND = traceShape("udp.send", ["n"], { payload: true });

describe("trace payloads after a long payload that is not bytes", () => {
  for (const limit of [Infinity, 100_000]) {
    it(`read back their own fields (payloadLimit ${limit})`, () => {
      const trace = new Trace(() => 0, { payloadLimit: limit });
      const sent: string[] = [];
      const send = (b: string) => {
        trace.row(SEND, "h", sent.length, b);
        sent.push(b);
      };
      // The trace's first 64 payloads make their fields at once; later ones are kept as bytes.
      for (let i = 0; i < 64; i++) send(`eager ${i}`);
      send("a".repeat(70_000) + "\u20ac");
      for (let i = 0; i < 6000; i++) send(`b${i}`);
      const got = trace.events.map(({ n, bytes, data, hash }) => ({ n, bytes, data, hash }));
      const expected = sent.map((b, n) => ({ n, bytes: b.length, data: escapeBytes(b, limit), hash: hashBytes(b) }));
      expect(got.length).toBe(expected.length);
      const wrong = got.findIndex((e, i) => e.data !== expected[i]!.data || e.hash !== expected[i]!.hash || e.bytes !== expected[i]!.bytes);
      expect(wrong).toBe(-1);
    });
  }
});
