import { describe, expect, it } from "vitest";
import { escapeBytes } from "../../src/core/bytes.js";
import { hashBytes, Trace, traceShape, type TraceEvent } from "../../src/core/trace.js";
import { createSimulation } from "../../src/index.js";

// Hot paths record events as rows of values (Trace.row); the trace makes the
// event objects only when `events` is read. Read back, a row is the same event
// an object literal would have been: same fields, same order, same payload fields.
const SEND = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true });
const CLOSE = traceShape("tcp.close", ["conn", "from", "to", "why"]);

function traceAt(): { trace: Trace; tick: (ms: number) => void } {
  let now = 0;
  return { trace: new Trace(() => now, { payloadLimit: 8 }), tick: (ms) => void (now += ms) };
}

describe("trace rows", () => {
  it("read back as the events an object literal records, field order included", () => {
    const { trace, tick } = traceAt();
    trace.row(SEND, "a", 1, "10.0.0.1:5", "10.0.0.2:7", 0, "hi\n");
    tick(2.5);
    trace.record("note", "a", { text: "between" });
    trace.row(CLOSE, "b", 1, "10.0.0.2:7", "10.0.0.1:5", "server side close");
    const payload = { bytes: 3, data: escapeBytes("hi\n", 8), hash: hashBytes("hi\n") };
    expect(JSON.stringify(trace.events)).toBe(
      JSON.stringify([
        { seq: 1, t: 0, kind: "tcp.send", host: "a", conn: 1, from: "10.0.0.1:5", to: "10.0.0.2:7", send: 0, ...payload },
        { seq: 2, t: 2.5, kind: "note", host: "a", text: "between" },
        { seq: 3, t: 2.5, kind: "tcp.close", host: "b", conn: 1, from: "10.0.0.2:7", to: "10.0.0.1:5", why: "server side close" },
      ]),
    );
  });

  it("leave out a field given as undefined", () => {
    const { trace } = traceAt();
    trace.row(CLOSE, "a", 4, "x:1", "y:2");
    expect(Object.keys(trace.events[0]!)).toEqual(["seq", "t", "kind", "host", "conn", "from", "to"]);
  });

  it("cut a payload longer than the limit at once, and hash all of it", () => {
    const { trace } = traceAt();
    const long = "0123456789abcdef\x00\xff";
    trace.row(SEND, "a", 1, "x:1", "y:2", 0, long);
    const e = trace.events[0]!;
    expect(e.bytes).toBe(long.length);
    expect(e.data).toBe(escapeBytes(long, 8));
    expect(e.hash).toBe(hashBytes(long));
  });

  it("count without making events, and `events` is one array that grows in order across chunks", () => {
    const { trace, tick } = traceAt();
    const events = trace.events;
    // Enough rows for several chunks (32, 64, 128, … rows), whole events in between.
    for (let i = 0; i < 5000; i++) {
      if (i % 7 === 3) trace.record("note", "h", { i });
      else if (i % 2 === 0) trace.row(SEND, "h", i, "x:1", "y:2", i, `m${i}`);
      else trace.row(CLOSE, "h", i, "x:1", "y:2", i % 3 === 0 ? undefined : "close");
      tick(1);
      if (i === 2500) expect(trace.events).toBe(events);
    }
    expect(trace.count).toBe(5000);
    expect(trace.events).toBe(events);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    events.forEach((e, i) => {
      expect(e.t).toBe(i);
      const kind = i % 7 === 3 ? "note" : i % 2 === 0 ? "tcp.send" : "tcp.close";
      expect(e.kind).toBe(kind);
      if (kind === "tcp.send") expect([e.conn, e.send, e.data]).toEqual([i, i, `m${i}`]);
      if (kind === "tcp.close") expect(e.why).toBe(i % 3 === 0 ? undefined : "close");
    });
  });

  it("are given to subscribers as they are recorded", () => {
    const { trace } = traceAt();
    const seen: TraceEvent[] = [];
    trace.row(CLOSE, "a", 1, "x:1", "y:2");
    const stop = trace.subscribe((e) => seen.push(e));
    trace.row(SEND, "a", 2, "x:1", "y:2", 0, "ok");
    trace.record("note", "a");
    stop();
    trace.row(CLOSE, "a", 3, "x:1", "y:2");
    expect(seen.map((e) => [e.seq, e.kind, e.conn])).toEqual([
      [2, "tcp.send", 2],
      [3, "note", undefined],
    ]);
    expect(seen[0]).toBe(trace.events[1]);
  });

  it("reach an events array kept by a test when sim.events is read again (docs/trace.md)", () => {
    const sim = createSimulation();
    const kept = sim.events;
    const before = kept.length;
    const [server] = sim.addHost("echo").Socket.create_server(7000);
    server!.run({ socket_message: (c, m) => void c.send(m) });
    const [client] = sim.renoise.Socket.create_client("echo", 7000);
    client!.send("ping\n");
    expect(client!.receive("*line", 100)[0]).toBe("ping");
    // Rows recorded since: not yet made into the kept array...
    expect(kept.length).toBe(before);
    // ...until the next read, which returns that same array, grown.
    const now = sim.events;
    expect(now).toBe(kept);
    expect(kept.length).toBeGreaterThan(before);
    expect(kept.map((e) => e.kind)).toContain("tcp.deliver");
    sim.dispose();
  });

  it("are not recorded while recording is off", () => {
    const { trace } = traceAt();
    trace.enabled = false;
    trace.row(CLOSE, "a", 1, "x:1", "y:2");
    trace.enabled = true;
    trace.row(CLOSE, "a", 2, "x:1", "y:2");
    expect(trace.events.map((e) => [e.seq, e.conn])).toEqual([[1, 2]]);
  });

  it("refuse a shape with more values than a row holds", () => {
    expect(() => traceShape("wide", ["a", "b", "c", "d", "e", "f"], { payload: true })).toThrow(/at most 6 values/);
  });
});
