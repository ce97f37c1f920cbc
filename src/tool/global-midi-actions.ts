import { GLOBAL_MIDI_ACTIONS_LUA } from "../renoise/osc-server/global-midi-actions.js";
import type { LuaVm } from "../lua/index.js";

/**
 * Lua that registers the `package.preload` entry of `GlobalMidiActions`
 * (its source is the chunk's argument). Compiled into the tool VM's
 * snapshot (see lua-preload.ts): every tool load runs it.
 *
 * @internal
 */
export const GLOBAL_MIDI_ACTIONS_PRELOAD_LUA = `local source = ...
     package.preload["GlobalMidiActions"] = function(...)
       local chunk = assert(loadstring(source, "=GlobalMidiActions"))
       return chunk(...)
     end`;

/**
 * Makes `require "GlobalMidiActions"` load renoise-sim's version of Renoise's
 * global MIDI actions script (a `package.preload` entry, so a tool's own
 * file of that name is never consulted first, as in Renoise where the
 * script ships with the application).
 */
export function installGlobalMidiActions(vm: LuaVm): void {
  if (vm.templateResults("global_midi_actions") !== undefined) return; // ran in the VM template (lua-preload.ts)
  vm.run(GLOBAL_MIDI_ACTIONS_PRELOAD_LUA, "=[renoise-sim global_midi_actions]", GLOBAL_MIDI_ACTIONS_LUA);
}
