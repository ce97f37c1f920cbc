import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

describe("tracks, devices and parameters as a Lua tool sees them", () => {
  it("notifies list changes of tracks and devices, and parameter values, in Renoise's shapes", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          log = {}
          local s = renoise.song()
          s.tracks_observable:add_notifier(function(e) log[#log + 1] = e.type .. (e.index or (e.index1 .. "," .. e.index2)) end)
          local t = s.tracks[1]
          t.devices_observable:add_notifier(function(e) log[#log + 1] = "devices " .. e.type .. (e.index or (e.index1 .. "," .. e.index2)) end)
          s:insert_track_at(2)
          s:swap_tracks_at(1, 2)
          s:delete_track_at(1)
          local g = t:insert_device_at("Audio/Effects/Native/Gainer", 2)
          t:insert_device_at("Audio/Effects/Native/Delay", 3)
          t:swap_devices_at(2, 3)
          g.parameters[1].value_observable:add_notifier(function() log[#log + 1] = "gain " .. g.parameters[1].value_string end)
          g.parameters[1].value_string = "-6 dB"
          t:delete_device_at(3)`,
      },
    });
    const [log] = tool.vm.run("return table.concat(log, ' ')");
    expect(log).toBe("insert2 swap1,2 remove1 devices insert2 devices insert3 devices swap2,3 gain -6.000 dB devices remove3");
    tool.unload();
  });

  it("types, identity and errors read like Renoise's", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    const [types, same, err1, err2, err3] = tool.vm.run(`
      local s = renoise.song()
      local g = s:insert_group_at(1)
      s:add_track_to_group(2, 1)
      local t = s.tracks[1]
      local types = table.concat({ type(t), type(g), type(t.devices[1]), type(t.prefx_volume), type(t.devices_observable) }, " ")
      local _, e1 = pcall(function() t.prefx_volume = 1 end)
      local _, e2 = pcall(function() return t.members end)
      local _, e3 = pcall(function() t.prefx_volume.value = -1 end)
      return types, rawequal(t.group_parent, g) and rawequal(g.members[1], t), e1, e2, e3`);
    expect(types).toBe("Track GroupTrack AudioDevice DeviceParameter ObservableList");
    expect(same).toBe(true);
    expect(err1).toMatch(/property 'prefx_volume' of an object of type 'Track' is read-only/);
    expect(err2).toMatch(/unknown property or function 'members' for an object of type 'Track'/);
    expect(err3).toMatch(/-1 is out of range \(0 - 1.412538\) for parameter 'Volume'/);
    tool.unload();
  });

  it("a parameter set from Lua is a song.set with the parameter's path", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    tool.vm.run(`renoise.song().tracks[2].postfx_panning.value = 0.25`);
    const sets = sim.events.filter((e) => e.kind === "song.set").map((e) => [e.path, e.old, e.value]);
    expect(sets).toEqual([["tracks[2].devices[1].parameters[4].value", 0.5, 0.25]]);
    tool.unload();
  });
});
