import { describe, expect, it } from "vitest";
import { repetitionLines, type Row } from "../../bench/report.js";
import { summarize } from "../../bench/stats.js";

describe("bench: a missed row's repetitions", () => {
  it("print in the order they ran, each value with the reference beside it and their ratio", () => {
    const value = [1.1e6, 568e3, 1.05e6];
    const reference = [79.1e3, 87.4e3, 88.8e3];
    const row: Row = {
      label: "echo",
      unit: "round trips/s",
      value: summarize(value),
      reference: { label: "loopback", value: summarize(reference) },
      ratio: summarize(value.map((v, i) => v / reference[i]!)),
      goal: { text: "≥ 8× (low end)", met: false },
    };
    expect(repetitionLines(row)).toEqual([
      "  echo, repetitions in order (value @ reference → ratio): 1.10M @ 79.1k → 13.91×, 568.0k @ 87.4k → 6.50×, 1.05M @ 88.8k → 11.82×",
    ]);
  });

  it("print the value alone when no reference was measured beside each repetition", () => {
    const row: Row = { label: "x", unit: "ms", value: summarize([3, 2]), goal: { text: "< 1 ms", met: false } };
    expect(repetitionLines(row)).toEqual(["  x, repetitions in order (value): 3.00, 2.00"]);
  });
});
