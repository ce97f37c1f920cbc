import { describe, expect, it } from "vitest";
import { roundSamples, rounds } from "../../bench/stats.js";

// The bench measures figures that share a machine in rounds: every round runs
// each figure bestOf times, interleaved, and keeps each figure's best run.
describe("bench rounds: figures interleaved, each round keeps each figure's best run", () => {
  it("runs warm-up rounds unrecorded, then turns the order each run", async () => {
    const calls: string[] = [];
    const values: Record<string, number[]> = { a: [5, 1, 9, 2, 7, 3, 8, 4], b: [10, 30, 20, 60, 50, 40, 70, 80] };
    const next = (k: "a" | "b") => () => {
      calls.push(k);
      return values[k]!.shift()!;
    };
    const samples = await roundSamples(3, 1, { a: next("a"), b: next("b") }, { bestOf: 2 });
    // Warm-up: a, b (values 5 and 10 dropped). Round 0: a b, b a; round 1: a b, b a; round 2: a b, b a.
    expect(calls).toEqual(["a", "b", "a", "b", "b", "a", "a", "b", "b", "a", "a", "b", "b", "a"]);
    expect(samples.a).toEqual([Math.max(1, 9), Math.max(2, 7), Math.max(3, 8)]);
    expect(samples.b).toEqual([Math.max(30, 20), Math.max(60, 50), Math.max(40, 70)]);
  });

  it("summarises each figure's per-round values", async () => {
    let n = 0;
    const s = await rounds(5, 0, { x: () => ++n });
    expect(s.x).toEqual({ median: 3, min: 1, max: 5, reps: 5, samples: [1, 2, 3, 4, 5] });
  });
});
