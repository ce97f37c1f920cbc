import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A tool that held `song.track`, then wrapped the Song class's __index with
// a wrapper that calls the held function, gets its answer, not an endless
// loop between the two.
describe("index methods: a wrapper calling the method held before the wrap", () => {
  it("answers through a wrapper that calls the method held before the wrap", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": "song = renoise.song()" }, instructionLimit: 1_000_000 });
    const out = tool.vm.run(`
      local l = song.tracks
      local orig = song.track
      local mt = getmetatable(song)
      local idx = mt.__index
      mt.__index = function(self, k)
        if k == "track" then return function(s, i) return orig(s, i) end end
        return idx(self, k)
      end
      return song:track(1).name
    `);
    expect(out).toEqual([sim.song.tracks[0]!.name]);
    tool.unload();
  });
});
