import { describe, expect, it } from "vitest";
import { Trace, traceShape, type TraceKey } from "../../src/core/trace.js";

// A keyed shape may take the key's values in another order (keyOrder): the
// delivery rows of a TCP segment use the receiving end's own key, whose two
// endpoints stand the other way round. Read back, the event is the plain
// row's, field order included.
const PLAIN = traceShape("tcp.deliver", ["conn", "from", "to"], { payload: true });
const SWAPPED = traceShape("tcp.deliver", ["conn", "from", "to"], { payload: true, keyed: 3, keyOrder: [1, 3, 2] });

describe("keyed trace rows with a key order", () => {
  it("read each field from the key value the order names", () => {
    const trace = new Trace(() => 1);
    // The receiving end's key: its host, the connection, its own endpoint, then its peer's.
    const receiver: TraceKey = ["echo", 7, "10.0.0.2:7000", "10.0.0.3:50000"];
    trace.keyedRow(SWAPPED, receiver, "hi");
    trace.row(PLAIN, "echo", 7, "10.0.0.3:50000", "10.0.0.2:7000", "hi");
    const [keyed, plain] = trace.events;
    expect(keyed!.from).toBe("10.0.0.3:50000");
    expect(keyed!.to).toBe("10.0.0.2:7000");
    expect(JSON.stringify({ ...keyed, seq: 0 })).toBe(JSON.stringify({ ...plain, seq: 0 }));
  });

  it("must name each keyed value once", () => {
    expect(() => traceShape("k", ["a", "b"], { keyed: 2, keyOrder: [2, 1] })).not.toThrow();
    expect(() => traceShape("k", ["a", "b"], { keyed: 2, keyOrder: [1, 1] })).toThrow(/keyOrder must order the 2 keyed values/);
    expect(() => traceShape("k", ["a", "b"], { keyed: 2, keyOrder: [1] })).toThrow(/keyOrder/);
    expect(() => traceShape("k", ["a", "b"], { keyed: 2, keyOrder: [0, 1] })).toThrow(/keyOrder/);
  });
});
