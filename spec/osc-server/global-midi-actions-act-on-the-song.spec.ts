import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

const TOOL = `
require "GlobalMidiActions"
local function msg(kind, int_value, boolean_value)
  return {
    int_value = int_value, boolean_value = boolean_value, value_min_scaling = 0, value_max_scaling = 1,
    is_trigger = function() return kind == "trigger" or kind == "switch" end,
    is_switch = function() return kind == "switch" end,
    is_abs_value = function() return kind == "abs" end,
    is_rel_value = function() return kind == "rel" end,
  }
end
function run(name, kind, int_value, boolean_value) invoke_action(name, msg(kind, int_value, boolean_value)) end
`;

describe('require "GlobalMidiActions": Renoise\'s named MIDI actions on the song', () => {
  it("triggers, switches, absolute and relative values act on the song", async () => {
    const sim = createSimulation({ seed: 1, song: { tracks: 3 } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const song = sim.renoise.song();
    tool.vm.call("run", "Transport:Playback:Start Playing [Trigger]", "trigger");
    expect(song.transport.playing).toBe(true);
    tool.vm.call("run", "Transport:Song:BPM [Set]", "abs", 127);
    expect(song.transport.bpm).toBe(999);
    tool.vm.call("run", "Transport:Song:BPM [Set]", "rel", -99);
    expect(song.transport.bpm).toBe(900);
    tool.vm.call("run", "Transport:Edit:Edit Mode [Set]", "switch", null, true);
    expect(song.transport.edit_mode).toBe(true);
    tool.vm.call("run", "Track Muting:Mute/Unmute:Track XX [Set]:Track #02 [Set]", "switch", null, true);
    expect(song.tracks[1]!.mute_state).toBe(2);
    tool.unload();
  });

  it("lists actions for every track of the song and refuses unknown names", async () => {
    const sim = createSimulation({ seed: 1, song: { tracks: 2 } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [n, hasTrack2, hasTrack9] = tool.vm.run(`
      local names, set = available_actions(), {}
      for _, a in ipairs(names) do set[a] = true end
      return #names, set["Track Muting:Solo:Track XX:Track #02 [Trigger]"] == true,
        set["Track Muting:Solo:Track XX:Track #09 [Trigger]"] == true
    `);
    expect(Number(n)).toBeGreaterThan(80);
    expect([hasTrack2, hasTrack9]).toEqual([true, false]);
    expect(() => tool.vm.call("run", "Transport:Nope [Trigger]", "trigger")).toThrow(/unknown MIDI action 'Transport:Nope \[Trigger\]'/);
    tool.unload();
  });
});
