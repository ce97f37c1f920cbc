import { describe, expect, it } from "vitest";
import { summarize } from "../../bench/stats.js";

// The bench prints a missed row's repetitions in the order they ran: the summary must keep them so, unsorted.
describe("bench summaries", () => {
  it("keep their samples in the order they were taken, apart from the sorted figures", () => {
    const taken = [5, 1, 4, 2, 3];
    const s = summarize(taken);
    expect(s.samples).toEqual([5, 1, 4, 2, 3]);
    expect([s.median, s.min, s.max]).toEqual([3, 1, 5]);
    taken[0] = 99;
    expect(s.samples).toEqual([5, 1, 4, 2, 3]);
  });
});
