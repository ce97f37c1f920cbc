import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// Lua keeps song.tracks, track.devices and device.parameters after the first
// read (and a parameter's range for good): each read must still be a new
// table Lua may change, holding each object's one userdata, and must follow
// every layout change, whether made from Lua or from TypeScript.
const TOOL = `
  song = renoise.song()
  function names() local t = {} for i, tr in ipairs(song.tracks) do t[i] = tr.name end return table.concat(t, ",") end
  function fresh()
    local a, b = song.tracks, song.tracks
    local n = #b
    a[1] = "changed"; a[#a + 1] = "extra"
    local c = song.tracks
    return a ~= b, #c == n, rawequal(b[1], c[1]), rawequal(c[1], song:track(1)), type(c[1])
  end
  function device_names(t)
    local out = {}
    for i, d in ipairs(song.tracks[t].devices) do out[i] = d.name end
    return table.concat(out, ",")
  end
  function param_fresh()
    local d = song.tracks[1].devices[1]
    local a, b = d.parameters, d.parameters
    a[1] = nil
    return a ~= b, #d.parameters, rawequal(b[2], d:parameter(2)), d.parameters[1].name
  end
  function range() local p = song.tracks[1].devices[1].parameters[2] return p.value_min, p.value_max, p.name end
  function insert_from_lua() song:insert_track_at(1) return names() end
  function add_device_from_lua() song.tracks[1]:insert_device_at("Audio/Effects/Native/Delay", 2) return device_names(1) end
`;

describe("lists and constants Lua keeps stay fresh tables with current contents", () => {
  it("hands out a new table per read, with the same userdata, untouched by changes to an earlier table", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("fresh")).toEqual([true, true, true, true, "Track"]);
    expect(tool.vm.call("param_fresh")).toEqual([true, 5, true, "Panning"]);
    tool.unload();
  });

  it("follows track and device layout changes made from Lua and from TypeScript", async () => {
    const sim = createSimulation();
    const song = sim.song;
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const before = tool.vm.call("names")[0] as string;
    expect(before.split(",")).toHaveLength(song.tracks.length);
    // From Lua: the host call inserts, the next read in the same entry sees it.
    const afterLua = tool.vm.call("insert_from_lua")[0] as string;
    expect(afterLua.split(",")).toHaveLength(song.tracks.length);
    expect(afterLua).toBe(song.tracks.map((t) => t.name).join(","));
    // From TypeScript between two entries.
    song.delete_track_at(1);
    song.swap_tracks_at(1, 2);
    expect(tool.vm.call("names")).toEqual([song.tracks.map((t) => t.name).join(",")]);
    expect(tool.vm.call("device_names", 1)).toEqual(["TrackVolPan"]);
    expect(tool.vm.call("add_device_from_lua")).toEqual(["TrackVolPan,Delay"]);
    song.tracks[0]!.delete_device_at(2);
    expect(tool.vm.call("device_names", 1)).toEqual(["TrackVolPan"]);
    tool.unload();
  });

  it("reads a parameter's range and name from the model, kept or not, and still refuses writes to them", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const p = sim.song.tracks[0]!.devices[0]!.parameters[1]!;
    const expected = [p.value_min, p.value_max, p.name];
    expect(tool.vm.call("range")).toEqual(expected);
    expect(tool.vm.call("range")).toEqual(expected);
    expect(() => tool.vm.run("song.tracks[1].devices[1].parameters[2].value_min = 0")).toThrow(
      /property 'value_min' of an object of type 'DeviceParameter' is read-only/,
    );
    expect(() => tool.vm.run("song.tracks = {}")).toThrow(/property 'tracks' of an object of type 'Song' is read-only/);
    tool.unload();
  });

  it("answers object properties Lua keeps (transport, a track's mixer parameters) with each object's one userdata", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [same, value] = tool.vm.run(`
      local t = song.tracks[1]
      local vol = t.prefx_volume
      local same = rawequal(vol, t.prefx_volume) and rawequal(vol, t.devices[1]:parameter(2))
        and rawequal(song.transport, song.transport) and rawequal(t.devices_observable, t.devices_observable)
      vol.value = 0.5
      return same, t.prefx_volume.value
    `);
    expect(same).toBe(true);
    expect(value).toBe(0.5);
    expect(sim.song.tracks[0]!.prefx_volume.value).toBe(0.5);
    sim.song.tracks[0]!.prefx_volume.value = 0.25;
    expect(tool.vm.run("return song.tracks[1].prefx_volume.value")).toEqual([0.25]);
    tool.unload();
  });

  it("keeps the userdata of a kept list's items no longer than until a layout change", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    tool.vm.run("for i = 1, #song.tracks do local d = song.tracks[i].devices[1]; local x = d.parameters[1].value_min end");
    tool.vm.collectGarbage();
    const kept = tool.vm.bridge.liveObjectCount;
    // More than the song: its tracks, their mixer devices and those devices' parameters.
    expect(kept).toBeGreaterThan(sim.song.tracks.length * 3);
    sim.song.swap_tracks_at(1, 2);
    tool.vm.run("local n = #song.tracks");
    tool.vm.collectGarbage();
    expect(tool.vm.bridge.liveObjectCount).toBeLessThan(kept - sim.song.tracks.length * 3);
    tool.unload();
  });
});
