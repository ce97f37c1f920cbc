import { expect, it } from "vitest";
import { diffTraces, formatTraceDiff, type TraceEvent } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

function run(at: number): readonly TraceEvent[] {
  const { sim } = toolAndPhone();
  sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [at] }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("abcdef");
  });
  sim.runUntilIdle();
  return sim.events;
}

it("finds the first event where two traces part and shows it readably", () => {
  const a = run(3);
  const b = run(2);
  const d = diffTraces(a, b)!;
  expect(d.a?.kind).toBe("tcp.split");
  expect(d.index).toBe(a.findIndex((e) => e.kind === "tcp.split"));
  expect(d.fields).toEqual(["pieces"]);
  const text = formatTraceDiff(a, b, { labels: ["at 3", "at 2"] });
  expect(text).toMatch(/^The traces part at event \d+ \(at 3: \d+ events, at 2: \d+ events\), at 20 ms:/);
  expect(text).toContain("- at 3:");
  expect(text).toContain("+ at 2:");
  expect(text).toContain('differing fields: pieces: "3+3" ≠ "2+4"');
});

it("reports identical traces, and a trace that only ends earlier", () => {
  const a = run(3);
  expect(diffTraces(a, run(3))).toBeUndefined();
  expect(formatTraceDiff(a, a)).toBe(`The traces are identical (${a.length} events).`);
  const d = diffTraces(a, a.slice(0, -1))!;
  expect(d.index).toBe(a.length - 1);
  expect(d.b).toBeUndefined();
  expect(formatTraceDiff(a, a.slice(0, -1))).toContain("+ b: (no more events)");
});
