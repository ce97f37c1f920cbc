import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A tool that wraps the Song class's __index and answers `track` itself sees
// its own function, for a song whose lists Lua kept before as for one it did
// not; a wrapper that passes `track` on still gets index methods answering
// the kept list's items.
const TOOL = `
  song = renoise.song()
  function wrap(own_track)
    local mt = getmetatable(song)
    local index = mt.__index
    mt.__index = function(self, k)
      if k == "track" and own_track then return function(s, i) return "own track " .. tostring(i) end end
      return index(self, k)
    end
  end
`;

describe("index methods under a tool's wrapper of the class's __index", () => {
  for (const keptBefore of [true, false]) {
    it(`sees the tool's own track method (lists ${keptBefore ? "kept" : "not kept"} before the wrap)`, async () => {
      const sim = createSimulation();
      const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
      if (keptBefore) tool.vm.run("local t = song:track(2); t = song.tracks; t = song.transport");
      tool.vm.call("wrap", true);
      expect(tool.vm.run("return song:track(2), song:track(1), song.tracks[2].name")).toEqual(["own track 2", "own track 1", sim.song.tracks[1]!.name]);
      tool.unload();
    });
  }

  it("answers the kept items through a wrapper that passes track on", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    tool.vm.run("local t = song:track(2); t = song.tracks");
    tool.vm.call("wrap", false);
    const [same, name] = tool.vm.run("local t = song:track(3) return rawequal(t, song.tracks[3]), t.name");
    expect([same, name]).toEqual([true, sim.song.tracks[2]!.name]);
    expect(() => tool.vm.run("local x = 1\nlocal t = song:track(0)", "=probe")).toThrow(/^probe:2: track: index 0 is out of range/);
    tool.unload();
  });
});
