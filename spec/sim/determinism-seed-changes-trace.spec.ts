import { expect, it } from "vitest";
import { hashBytes } from "../../src/index.js";
import { mixedScenario } from "../support/mixed-scenario.js";

const SEEDS = 1000;
const FIRST = 1;
// A hang guard, not a speed check: the sweep takes seconds, but CI's second run (under
// async hooks, --detectAsyncLeaks) on a loaded machine has gone past the default 60 s.
const SWEEP_TIMEOUT = 300_000;

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
}, SWEEP_TIMEOUT);
