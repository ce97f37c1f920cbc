import { createSimulation } from "../src/index.js";
import { loadLuaTool } from "../src/tool/index.js";
import type { Summary } from "./stats.js";

/**
 * The reference of the Lua rows: the Lua interpreter alone, running a plain
 * loop (no host call, no allocation) in a fresh tool VM, as tools run
 * (instruction-limit hook included). None of renoise-sim's own code runs in
 * the timed part, so a change to renoise-sim does not move it; the machine
 * does. On this shared machine it runs at ~26–31 ns an iteration in some
 * minutes and ~42–56 ns in others, and the Lua rows move with it (see
 * docs/performance.md, "Issue #19, sixth round"): measured in the same
 * rounds as a Lua row, it tells a slow machine from slow code.
 */
const ITERATIONS = 300_000;
const SOURCE = "function loop(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end";

/** Label of the reference column. */
export const LUA_LOOP = "plain Lua loop";

/** One run: plain-loop iterations per second. */
export async function luaLoopRate(): Promise<number> {
  const sim = createSimulation();
  const tool = await loadLuaTool(sim, { files: { "main.lua": SOURCE } });
  tool.vm.call("loop", 10_000);
  const t0 = performance.now();
  tool.vm.call("loop", ITERATIONS);
  const ms = performance.now() - t0;
  tool.unload();
  sim.dispose();
  return (ITERATIONS / ms) * 1000;
}

/**
 * What one unit of a Lua row costs in plain-loop iterations, per round:
 * loop rate ÷ row rate (both higher-is-better rates from the same round).
 */
export function inLoopIterations(rate: readonly number[], loop: readonly number[]): number[] {
  return rate.map((r, i) => loop[i]! / r);
}

/** A rate summary turned into ns per iteration (for the reference column). */
export function nsPerIteration(s: Summary): Summary {
  return { median: 1e9 / s.median, min: 1e9 / s.max, max: 1e9 / s.min, reps: s.reps, ...(s.samples ? { samples: s.samples.map((r) => 1e9 / r) } : {}) };
}
