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
 * Lua that serves TCP on port 5000 with a notifier whose socket_message
 * handler is made anew at every second message (so the bridge meets a
 * callback it has not looked at before): each message runs `before`,
 * counts itself in `n`, runs `after`, and drops `pool[n]` (one finalizer
 * for the next collection). Needs `n` and `pool` (see
 * {@link LOOPING_FINALIZER_POOL}).
 */
export function swappingNotifierServer(before: string, after: string): string {
  return `
notifier = {}
local function make()
  return function(socket, message) ${before}n = n + 1 ${after}if n % 2 == 0 then notifier.socket_message = make() end pool[n] = nil end
end
notifier.socket_message = make()
server = renoise.Socket.create_server(5000)
server:run(notifier)
`;
}

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
