import { describe, expect, it } from "vitest";
import { Trace, traceShape, type TraceKey } from "../../src/core/trace.js";
import { createSimulation } from "../../src/index.js";

// A row shape may take its host and first fields from a key that many rows
// share (TraceShapeOptions.keyed): a TCP end's segments all name the same
// host, connection and endpoints. Read back, each event is the one a plain
// row with those values would have given, field order included.
const KEYED = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true, keyed: 3 });
const PLAIN = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true });

describe("trace rows with a key", () => {
  it("read back as the plain row's event, for every row that shares the key", () => {
    const trace = new Trace(() => 2.5);
    const key: TraceKey = ["phone", 4, "10.0.0.2:50000", "192.168.1.10:7000"];
    trace.keyedRow(KEYED, key, 0, "hello");
    trace.row(PLAIN, "phone", 4, "10.0.0.2:50000", "192.168.1.10:7000", 0, "hello");
    trace.keyedRow(KEYED, key, 1, "again\n");
    const [keyed, plain, second] = trace.events;
    expect(JSON.stringify({ ...keyed, seq: 0 })).toBe(JSON.stringify({ ...plain, seq: 0 }));
    expect([second!.host, second!.conn, second!.from, second!.to, second!.send, second!.data]).toEqual([
      "phone",
      4,
      "10.0.0.2:50000",
      "192.168.1.10:7000",
      1,
      "again\\n",
    ]);
    expect(Object.keys(second!)).toEqual(Object.keys(plain!));
  });

  it("take only fields, without a label, and count only the values after the key", () => {
    expect(() => traceShape("k", ["a", "b", "c", "d", "e", "f", "g"], { keyed: 1 })).not.toThrow();
    expect(() => traceShape("k", ["a", "b"], { keyed: 3 })).toThrow(/keyed fields must be fields/);
    expect(() => traceShape("k", ["a", "b"], { keyed: 1, label: ["", ""] })).toThrow(/without a label/);
  });

  it("give a TCP stream's sends and deliveries their hosts and endpoints in both directions", () => {
    const sim = createSimulation();
    const [server] = sim.addHost("echo").Socket.create_server(7000);
    server!.run({ socket_message: (c, m) => void c.send(m) });
    const [client] = sim.renoise.Socket.create_client("echo", 7000);
    // An end's first segment is a plain row, the ones after it keyed rows: all read back alike.
    for (const m of ["ping", "pong", "again"]) {
      client!.send(m);
      expect(client!.receive("*all", 100)[0]).toBe(m);
    }
    const rows = sim.events.filter((e) => e.kind === "tcp.send" || e.kind === "tcp.deliver");
    const here = `${client!.local_address}:${client!.local_port}`;
    const there = `${client!.peer_address}:${client!.peer_port}`;
    expect(rows.map((e) => [e.kind, e.host, e.conn, e.from, e.to, e.send, e.data])).toEqual(
      ["ping", "pong", "again"].flatMap((m, i) => [
        ["tcp.send", "renoise", 1, here, there, i, m],
        ["tcp.deliver", "echo", 1, here, there, undefined, m],
        ["tcp.send", "echo", 1, there, here, i, m],
        ["tcp.deliver", "renoise", 1, there, here, undefined, m],
      ]),
    );
    expect(rows.map((e) => Object.keys(e).join())).toEqual(rows.map((e) => (e.kind === "tcp.send" ? "seq,t,kind,host,conn,from,to,send,bytes,data,hash" : "seq,t,kind,host,conn,from,to,bytes,data,hash")));
    sim.dispose();
  });
});
