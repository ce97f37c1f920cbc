import { GLOBAL_MIDI_ACTIONS_LUA } from "../renoise/osc-server/global-midi-actions.js";
import type { LuaVm } from "../lua/index.js";

/**
 * Makes `require "GlobalMidiActions"` load renoise-sim's version of Renoise's
 * global MIDI actions script (a `package.preload` entry, so a tool's own
 * file of that name is never consulted first, as in Renoise where the
 * script ships with the application).
 */
export function installGlobalMidiActions(vm: LuaVm): void {
  vm.run(
    `local source = ...
     package.preload["GlobalMidiActions"] = function(...)
       local chunk = assert(loadstring(source, "=GlobalMidiActions"))
       return chunk(...)
     end`,
    "=(GlobalMidiActions preload)",
    GLOBAL_MIDI_ACTIONS_LUA,
  );
}
