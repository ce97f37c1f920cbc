import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// song:track(i) and track:device(i) answer from lists Lua keeps: after a
// track or device is inserted, deleted or swapped (from Lua, within the same
// call, or from TypeScript between two calls) they answer the new layout.
const TOOL = `
  song = renoise.song()
  function names() local t = {} for i = 1, #song.tracks do t[i] = song:track(i).name end return table.concat(t, ",") end
  function devices(t) local tr, out = song:track(t), {} for i = 1, #tr.devices do out[i] = tr:device(i).name end return table.concat(out, ",") end
  function in_one_call()
    local first, second = song:track(1), song:track(2)
    song:insert_track_at(1)
    local new = song:track(1)
    local inserted = new ~= first and rawequal(song:track(2), first) and rawequal(new, song.tracks[1])
    song:swap_tracks_at(1, 2)
    local swapped = rawequal(song:track(1), first) and rawequal(song:track(2), new)
    song:delete_track_at(2)
    local deleted = rawequal(song:track(1), first) and rawequal(song:track(2), second)
    return inserted, swapped, deleted
  end
  function device_in_one_call()
    local t = song:track(1)
    local before = t:device(2)
    t:insert_device_at("Audio/Effects/Native/Delay", 2)
    local new = t:device(2)
    local inserted = new ~= before and rawequal(t:device(3), before) and rawequal(new, t.devices[2])
    t:delete_device_at(2)
    return inserted, rawequal(t:device(2), before), #t.devices
  end
`;

describe("index methods follow layout changes at once", () => {
  it("answers the new layout after changes made from Lua in the same call", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("in_one_call")).toEqual([true, true, true]);
    expect(tool.vm.call("names")).toEqual([sim.song.tracks.map((t) => t.name).join(",")]);
    tool.vm.call("devices", 1);
    // track 1 has only its mixer device: device(2) raises until one is inserted
    expect(() => tool.vm.call("device_in_one_call")).toThrow(/device: index 2 is out of range \(1 - 1\)/);
    tool.vm.run(`song:track(1):insert_device_at("Audio/Effects/Native/Delay", 2)`);
    expect(tool.vm.call("device_in_one_call")).toEqual([true, true, 2]);
    tool.unload();
  });

  it("answers the new layout after changes made from TypeScript between calls", async () => {
    const sim = createSimulation();
    const song = sim.song;
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const current = () => song.tracks.map((t) => t.name).join(",");
    expect(tool.vm.call("names")).toEqual([current()]);
    song.insert_track_at(1);
    song.tracks[0]!.name = "new";
    expect(tool.vm.call("names")).toEqual([current()]);
    song.swap_tracks_at(1, 3);
    expect(tool.vm.call("names")).toEqual([current()]);
    song.delete_track_at(3);
    expect(tool.vm.call("names")).toEqual([current()]);
    expect(tool.vm.call("devices", 1)).toEqual(["TrackVolPan"]);
    song.tracks[0]!.insert_device_at("Audio/Effects/Native/Delay", 2);
    expect(tool.vm.call("devices", 1)).toEqual(["TrackVolPan,Delay"]);
    song.tracks[0]!.delete_device_at(2);
    expect(tool.vm.call("devices", 1)).toEqual(["TrackVolPan"]);
    tool.unload();
  });
});
