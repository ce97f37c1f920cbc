import { describe, expect, it } from "vitest";
import { escapeBytes } from "../../src/core/bytes.js";
import { hashBytes, Trace, traceShape, type TraceEvent, type TraceKey } from "../../src/core/trace.js";

// A row recorded at the same virtual time as the row before it holds no time
// (an untimed variant of its shape, one slot narrower); its event reads the
// time of the row before. A row whose payload is the last payload row's holds
// no payload fields either, and reads that row's. Read back, every event has
// the time and payload it was recorded with, whichever shape, across chunks,
// around whole events and rows without a payload, and whether the trace was
// read before (events, eventsOf) or not.
const SEND = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true });
const KEYED = traceShape("tcp.deliver", ["conn", "from", "to"], { payload: true, keyed: 3, keyOrder: [1, 3, 2] });
const LABELLED = traceShape("client.close", ["socket"], { label: ["tcp ", "->"] });

const KEY: TraceKey = ["h", 7, "x:1", "y:2"];

/** Records `rows` events, the clock moving only now and then; returns the trace and the events expected. */
function recorded(rows: number, readAt: ReadonlySet<number> = new Set()): { trace: Trace; expected: object[] } {
  let now = 0;
  const trace = new Trace(() => now, { payloadLimit: 8 });
  const expected: object[] = [];
  const payload = (b: string) => ({ bytes: b.length, data: escapeBytes(b, 8), hash: hashBytes(b) });
  for (let i = 0; i < rows; i++) {
    const seq = i + 1;
    const t = now;
    // Runs of rows with the same bytes (the same message sent, delivered, received).
    const m = `m${Math.floor(i / 4) % 50}`;
    // The trace's payload helper used for something else between rows: the rows still read their own.
    if (i % 11 === 0) trace.payload(`other ${i}`);
    switch (i % 5) {
      case 0:
        trace.row(SEND, "h", 1, "x:1", "y:2", i, m);
        expected.push({ seq, t, kind: "tcp.send", host: "h", conn: 1, from: "x:1", to: "y:2", send: i, ...payload(m) });
        break;
      case 1:
        trace.keyedRow(KEYED, KEY, m);
        expected.push({ seq, t, kind: "tcp.deliver", host: "h", conn: 7, from: "y:2", to: "x:1", ...payload(m) });
        break;
      case 2:
        trace.row(LABELLED, "h", "x:1", "y:2");
        expected.push({ seq, t, kind: "client.close", host: "h", socket: "tcp x:1->y:2" });
        break;
      case 3:
        if (i % 3 === 0) {
          // A whole event whose time its caller changes: the next row still reads its own time.
          const e = trace.record("note", "h", { i })!;
          e.t = -1;
          expected.push({ seq, t: -1, kind: "note", host: "h", i });
        } else {
          trace.row(SEND, "h", 2, "x:1", "y:2", undefined, "");
          expected.push({ seq, t, kind: "tcp.send", host: "h", conn: 2, from: "x:1", to: "y:2", ...payload("") });
        }
        break;
      default:
        trace.keyedRow(KEYED, KEY, `k${i}`);
        expected.push({ seq, t, kind: "tcp.deliver", host: "h", conn: 7, from: "y:2", to: "x:1", ...payload(`k${i}`) });
    }
    // Runs of rows at one time, of varied lengths (some across chunk boundaries).
    if (i % 13 === 0 || i % 97 === 5) now += i % 2 === 0 ? 0.25 : 3;
    if (readAt.has(i)) expect(trace.events.length).toBe(seq);
  }
  return { trace, expected };
}

const text = (events: readonly object[]): string => JSON.stringify(events);

describe("trace rows at the time, or with the payload, of the row before", () => {
  it("read back with the time each was recorded at", () => {
    const { trace, expected } = recorded(6000);
    expect(text(trace.events)).toBe(text(expected));
  });

  it("read back alike when the trace is read part way (the first row not made may hold no time)", () => {
    const { trace, expected } = recorded(6000, new Set([14, 15, 16, 1000, 3001, 4500]));
    expect(text(trace.events)).toBe(text(expected));
  });

  it("are listed by eventsOf with their times, before and after part of the trace is made", () => {
    const kinds = new Set(["tcp.deliver", "note"]);
    const want = text(recorded(4000).expected.filter((e) => kinds.has((e as TraceEvent).kind)));
    expect(text(recorded(4000).trace.eventsOf(kinds))).toBe(want);
    expect(text(recorded(4000, new Set([15, 2222])).trace.eventsOf(kinds))).toBe(want);
  });

  it("take the same time as a row before that was recorded while the trace was on, across a pause", () => {
    let now = 5;
    const trace = new Trace(() => now);
    trace.row(LABELLED, "h", "a:1", "b:2");
    trace.enabled = false;
    trace.row(LABELLED, "h", "c:1", "d:2");
    now = 9;
    trace.row(LABELLED, "h", "e:1", "f:2");
    trace.enabled = true;
    trace.row(LABELLED, "h", "g:1", "h:2");
    now = 5;
    trace.row(LABELLED, "h", "i:1", "j:2");
    expect(trace.events.map((e) => [e.t, e.socket])).toEqual([
      [5, "tcp a:1->b:2"],
      [9, "tcp g:1->h:2"],
      [5, "tcp i:1->j:2"],
    ]);
  });
});
