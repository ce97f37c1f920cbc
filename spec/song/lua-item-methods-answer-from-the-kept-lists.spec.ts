import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import type { Song } from "../../src/renoise/song/song.js";
import type { Track } from "../../src/renoise/song/track.js";

// song:track(i), track:device(i) and device:parameter(i) answer item i of the
// list Lua keeps (song.tracks, track.devices, device.parameters) without
// calling the host: the very userdata the host would give (the one
// song.tracks[i] holds), for every whole number within 1..#list, an integer
// or a float.
const TOOL = `
  song = renoise.song()
  function same_tracks()
    local out = {}
    for i = 1, #song.tracks do
      local t = song:track(i)
      out[i] = rawequal(t, song.tracks[i]) and rawequal(t, song:track(i + 0.0)) and t.name or false
    end
    return table.concat(out, ",")
  end
  function same_parameters()
    local d = song:track(1):device(1)
    local out = {}
    for i = 1, #d.parameters do
      local p = d:parameter(i)
      out[i] = rawequal(p, d.parameters[i]) and p.name or false
    end
    return rawequal(d, song.tracks[1].devices[1]), table.concat(out, ",")
  end
`;

/** Counts the host calls of one model method on one object (the binding calls the method by name). */
function countCalls<T extends object>(obj: T, name: string): { n: number } {
  const count = { n: 0 };
  const o = obj as unknown as Record<string, (...a: unknown[]) => unknown>;
  const host = o[name]!.bind(obj);
  o[name] = (...a: unknown[]) => {
    count.n++;
    return host(...a);
  };
  return count;
}

describe("index methods answer item i of the kept list, the host's own userdata", () => {
  it("answers track(i), device(i) and parameter(i) with the items song.tracks and device.parameters hold", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("same_tracks")).toEqual([sim.song.tracks.map((t) => t.name).join(",")]);
    const params = sim.song.tracks[0]!.devices[0]!.parameters.map((p) => p.name).join(",");
    expect(tool.vm.call("same_parameters")).toEqual([true, params]);
    tool.unload();
  });

  it("answers as well for a tool that replaced debug and getmetatable before its first song read", async () => {
    const sim = createSimulation();
    const main = `
      debug = nil
      getmetatable = function() return "mine" end
      local song = renoise.song()
      local ok, e = pcall(function() return song:track(0) end)
      result = { rawequal(song:track(2), song.tracks[2]), song:track(2).name, ok, e }
    `;
    const tool = await loadLuaTool(sim, { files: { "main.lua": main } });
    const [same, name, ok, e] = tool.vm.run("return table.unpack(result)");
    expect([same, name, ok]).toEqual([true, sim.song.tracks[1]!.name, false]);
    expect(e).toMatch(/track: index 0 is out of range/);
    tool.unload();
  });

  it("calls the host method no more once the list is kept", async () => {
    const sim = createSimulation();
    const song: Song = sim.song;
    const track: Track = song.tracks[0]!;
    const tracks = countCalls(song, "track");
    const devices = countCalls(track, "device");
    const parameters = countCalls(track.devices[0]!, "parameter");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [name] = tool.vm.run(`
      local name
      for i = 1, 100 do name = song:track(2).name; local p = song:track(1):device(1):parameter(2) end
      return name
    `);
    expect(name).toBe(song.tracks[1]!.name);
    expect([tracks.n, devices.n, parameters.n]).toEqual([0, 0, 0]);
    tool.unload();
  });
});
