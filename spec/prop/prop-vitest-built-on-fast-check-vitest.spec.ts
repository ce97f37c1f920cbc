import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fc, propTest, test } from "../../src/vitest.js";

// renoise-sim/vitest's propTest runs on @fast-check/vitest's test.prop (re-exported as `test`),
// and prints its seed even when the property holds.
describe("propTest on @fast-check/vitest", () => {
  const seen: number[] = [];
  const logged: string[] = [];
  let spy: { mockRestore(): void } | undefined;
  beforeAll(() => {
    spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
  });
  afterAll(() => spy?.mockRestore());

  propTest("sums commute", [fc.integer(), fc.integer()], (a, b) => {
    seen.push(a);
    return a + b === b + a;
  }, { seed: 5, numRuns: 7 });

  test.prop([fc.nat({ max: 9 })], { seed: 5, numRuns: 3 })("test.prop is re-exported", (n) => n >= 0 && n <= 9);

  it("ran the property numRuns times and printed the seed", () => {
    expect(seen).toHaveLength(7);
    expect(logged).toContain("sums commute: seed 5");
    expect(typeof test.prop).toBe("function");
  });
});
