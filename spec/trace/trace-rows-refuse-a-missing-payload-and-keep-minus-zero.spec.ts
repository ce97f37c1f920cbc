import { describe, expect, it } from "vitest";
import { Trace, traceShape } from "../../src/core/trace.js";

// Rows of one time share it (see trace-rows-read-time-and-payload-of-the-row-before): that must not blur
// -0 into 0, accept a payload shape's row without its payload, or let a keyed row read slots it never wrote.
describe("trace rows at their edges", () => {
  it("keeps a time of -0 apart from 0 in the row after", () => {
    let now = 0;
    const trace = new Trace(() => now);
    const shape = traceShape("tick", ["n"]);
    trace.row(shape, "h", 1);
    now = -0;
    trace.row(shape, "h", 2);
    now = 0;
    trace.row(shape, "h", 3);
    expect(trace.events.map((e) => Object.is(e.t, -0))).toEqual([false, true, false]);
  });

  it("refuses a row of a payload shape given no payload, naming the kind, and records nothing for it", () => {
    let now = 1;
    const trace = new Trace(() => now);
    const shape = traceShape("packet", ["to"], { payload: true });
    const plain = traceShape("note", ["x"]);
    expect(() => trace.row(shape, "h", "b", undefined)).toThrow(/Trace\.row: an event of kind "packet" has a payload/);
    expect(trace.count).toBe(0);
    now = 2;
    trace.row(plain, "h", 7); // its time is its own, not that of the refused row
    now = 1;
    expect(() => trace.row(shape, "h", "b", 42)).toThrow(/kind "packet"/);
    trace.row(shape, "h", "b", "ok");
    expect(trace.events.map((e) => [e.kind, e.t, e.bytes])).toEqual([
      ["note", 2, undefined],
      ["packet", 1, 2],
    ]);
  });

  it("leaves out a wide keyed shape's values past keyedRow's three, never reading what an earlier row left in the chunk", () => {
    const trace = new Trace(() => 0);
    trace.row(traceShape("z", []), "h", 0, 0, 0, 0, 0, "STALE");
    trace.keyedRow(traceShape("k", ["a", "b", "c", "d", "e"], { keyed: 1 }), ["h", "A"], 1, 2, 3);
    expect(trace.events[1]).toEqual({ seq: 2, t: 0, kind: "k", host: "h", a: "A", b: 1, c: 2, d: 3 });
  });
});
