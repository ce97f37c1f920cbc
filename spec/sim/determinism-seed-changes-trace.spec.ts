import { expect, it } from "vitest";
import { hashBytes } from "../../src/index.js";
import { mixedScenario } from "../support/mixed-scenario.js";

const SEEDS = 1000;
const FIRST = 1;

it(`gives each of ${SEEDS} seeds its own trace when nothing but the seed changes`, () => {
  console.log(`determinism: seeds ${FIRST}..${FIRST + SEEDS - 1}`);
  const seen = new Map<string, number>();
  for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
    const trace = mixedScenario(seed);
    const key = `${hashBytes(trace)}:${trace.length}`;
    const other = seen.get(key);
    if (other !== undefined) expect.fail(`seeds ${other} and ${seed} produced the same trace`);
    seen.set(key, seed);
  }
  expect(seen.size).toBe(SEEDS);
});
