import { describe, expect, it } from "vitest";
import { Trace, traceShape } from "../../src/core/trace.js";
import { createSimulation, type SocketClient } from "../../src/index.js";

// A row shape may keep its first field as two values joined when the event is
// made (TraceShapeOptions.label): a connection's socket label is kept as the
// two endpoint texts its other rows hold already. Read back, the event is the
// one a label string would have given.
const LABELLED = traceShape("client.create", ["socket", "waited"], { label: ["tcp ", "->"] });
const PLAIN = traceShape("client.create", ["socket", "waited"]);
const WITH_PAYLOAD = traceShape("sample.send", ["socket", "n"], { label: ["udp ", "=>"], payload: true });

describe("trace rows with a label field", () => {
  it("read back as the event with the joined text, field order and later values kept", () => {
    const trace = new Trace(() => 7);
    trace.row(LABELLED, "h", "10.0.0.1:5000", "10.0.0.2:7000", 3);
    trace.row(PLAIN, "h", "tcp 10.0.0.1:5000->10.0.0.2:7000", 3);
    trace.row(LABELLED, "h", "a:1", "b:2");
    const [labelled, plain, noWait] = trace.events;
    expect(JSON.stringify({ ...labelled, seq: 0 })).toBe(JSON.stringify({ ...plain, seq: 0 }));
    expect(labelled!.socket).toBe("tcp 10.0.0.1:5000->10.0.0.2:7000");
    expect(Object.keys(noWait!)).toEqual(["seq", "t", "kind", "host", "socket"]);
  });

  it("keep a payload after the label's two values", () => {
    const trace = new Trace(() => 0);
    trace.row(WITH_PAYLOAD, "h", "x:1", "y:2", 4, "abc");
    const e = trace.events[0]!;
    expect([e.socket, e.n, e.bytes, e.data]).toEqual(["udp x:1=>y:2", 4, 3, "abc"]);
  });

  it("count toward the row's values, and need a field to fill", () => {
    expect(() => traceShape("k", ["a", "b", "c", "d", "e"], { label: ["", ""] })).not.toThrow();
    expect(() => traceShape("k", ["a", "b", "c", "d", "e", "f"])).not.toThrow();
    expect(() => traceShape("k", ["a", "b", "c", "d", "e", "f"], { label: ["", ""] })).toThrow(/at most 6 values/);
    expect(() => traceShape("k", [], { label: ["", ""] })).toThrow(/needs a field/);
  });

  it("name a connection's sockets as their labels do, on both sides", () => {
    const sim = createSimulation();
    const [server] = sim.addHost("server").Socket.create_server(7000);
    let accepted: SocketClient | undefined;
    server!.run({ socket_accepted: (c: SocketClient) => void (accepted = c) });
    const [client] = sim.renoise.Socket.create_client("server", 7000);
    sim.runUntilIdle();
    const clientLabel = `tcp ${client!.local_address}:${client!.local_port}->${client!.peer_address}:${client!.peer_port}`;
    const serverLabel = `tcp ${accepted!.local_address}:${accepted!.local_port}<-${accepted!.peer_address}:${accepted!.peer_port}`;
    accepted!.close();
    client!.close();
    const socketOf = (kind: string) => sim.trace.events.filter((e) => e.kind === kind).map((e) => e.socket);
    expect(socketOf("client.create")).toEqual([clientLabel]);
    expect(socketOf("client.close")).toEqual([clientLabel]);
    expect(socketOf("connection.close")).toEqual([serverLabel]);
  });
});
