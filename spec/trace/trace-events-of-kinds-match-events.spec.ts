import { describe, expect, it } from "vitest";
import { Trace, traceShape } from "../../src/core/trace.js";

// Trace.eventsOf(kinds) lists the events of some kinds without making the
// others: the same events `events` lists, filtered, field order and seq included,
// whether none, some or all of the trace was made before.
const SEND = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true });
const CLOSE = traceShape("tcp.close", ["conn", "from", "to", "why"]);

function filled(rows: number): Trace {
  let now = 0;
  const trace = new Trace(() => now, { payloadLimit: 8 });
  // Enough rows for several chunks, whole events in between.
  for (let i = 0; i < rows; i++) {
    if (i % 7 === 3) trace.record("note", "h", { i });
    else if (i % 2 === 0) trace.row(SEND, "h", i, "x:1", "y:2", i, `m${i}\x00`);
    else trace.row(CLOSE, "h", i, "x:1", "y:2", i % 3 === 0 ? undefined : "close");
    now += 0.5;
  }
  return trace;
}

const serialised = (events: readonly object[]): string => JSON.stringify(events);

describe("Trace.eventsOf", () => {
  for (const kinds of [["tcp.send"], ["tcp.close", "note"], ["note"], [], ["tcp.send", "tcp.close", "note"], ["missing"]]) {
    it(`lists the events of ${JSON.stringify(kinds)} as events.filter would, before, while and after events are made`, () => {
      const set = new Set(kinds);
      const expected = serialised(filled(3000).events.filter((e) => set.has(e.kind)));
      // Nothing made yet.
      expect(serialised(filled(3000).eventsOf(set))).toBe(expected);
      // Part made: events read after 1,000 rows, then 2,000 more recorded (the read chunk is partly made).
      let now = 0;
      const trace = new Trace(() => now, { payloadLimit: 8 });
      for (let i = 0; i < 3000; i++) {
        if (i % 7 === 3) trace.record("note", "h", { i });
        else if (i % 2 === 0) trace.row(SEND, "h", i, "x:1", "y:2", i, `m${i}\x00`);
        else trace.row(CLOSE, "h", i, "x:1", "y:2", i % 3 === 0 ? undefined : "close");
        now += 0.5;
        if (i === 1000) expect(trace.events.length).toBe(1001);
      }
      expect(serialised(trace.eventsOf(set))).toBe(expected);
      // All made: the events themselves are given.
      const all = filled(3000);
      const events = all.events;
      const picked = all.eventsOf(set);
      expect(serialised(picked)).toBe(expected);
      for (const e of picked) expect(events[e.seq - 1]).toBe(e);
    });
  }

  it("reads keyed and labelled rows as events does", () => {
    const KEYED = traceShape("tcp.deliver", ["conn", "from", "to"], { payload: true, keyed: 3 });
    const LABELLED = traceShape("client.create", ["socket", "waited"], { label: ["tcp ", "->"] });
    const fill = (): Trace => {
      const trace = new Trace(() => 1);
      const key = ["h", 2, "x:1", "y:2"] as const;
      for (let i = 0; i < 100; i++) {
        trace.keyedRow(KEYED, key, `m${i}`);
        trace.row(LABELLED, "h", "x:1", "y:2", i);
      }
      return trace;
    };
    const kinds = new Set(["tcp.deliver", "client.create"]);
    const events = fill().events;
    expect(events[0]).toMatchObject({ host: "h", conn: 2, from: "x:1", to: "y:2", data: "m0" });
    expect(events[1]).toMatchObject({ socket: "tcp x:1->y:2", waited: 0 });
    expect(serialised(fill().eventsOf(kinds))).toBe(serialised(events));
  });

  it("makes no event of the trace: `events` is made afterwards as it would have been", () => {
    const trace = filled(500);
    trace.eventsOf(new Set(["tcp.send"]));
    expect(trace.count).toBe(500);
    expect(serialised(trace.events)).toBe(serialised(filled(500).events));
  });
});
