import { createSimulation, formatTrace, loadLuaTool, type LuaTool } from "../../src/index.js";
import { phoneSends } from "./phone-sends.js";

/**
 * Lua that sets the collector to finish a cycle in one step and makes
 * `pool`: 5,000 tables whose `__gc` loops forever, and `n = 0`. A tool's
 * callback that drops `pool[n]` leaves one looping finalizer for the next
 * collection, which the next delivery's allocations start.
 */
export const LOOPING_FINALIZER_POOL = `
n = 0
collectgarbage("incremental", 10, 1000, 20)
local function loop() while true do end end
pool = {}
for i = 1, 5000 do pool[i] = setmetatable({}, { __gc = loop }) end
`;

/**
 * Runs `main` (a tool serving TCP on port 5000, with an instruction limit
 * of 50,000 steps, callback errors only recorded) while the host "phone"
 * sends it `count` messages; returns the trace's lines and the tool, still
 * loaded (the caller unloads it and disposes the simulation).
 */
export async function deliverUnderLimit(main: string, count: number) {
  const sim = createSimulation({ seed: 7, semantics: { connectionWrappers: "fresh", onCallbackError: "record" } });
  sim.addHost("phone");
  const tool: LuaTool = await loadLuaTool(sim, { files: { "main.lua": main }, instructionLimit: 50000 });
  phoneSends(sim, 5000, Array<string>(count).fill("m"));
  sim.runUntilIdle();
  return { sim, tool, lines: formatTrace(sim.trace.events).split("\n") };
}
