import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// `song.track` is one function value whatever Lua keeps for the song: read
// before and after the song gets its kept record, it is the same function
// (==, rawequal, and as a table key).
describe("index methods: one function value", () => {
  it("reads song.track as the same function before and after the song gets a kept record", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": "song = renoise.song()" } });
    const out = tool.vm.run(`
      song:swap_tracks_at(1, 2) song:swap_tracks_at(1, 2)
      local a = song.track
      local l = song.patterns
      local b = song.track
      local seen = { [a] = true }
      return a == b, rawequal(a, b), seen[b] == true
    `);
    expect(out).toEqual([true, true, true]);
    tool.unload();
  });
});
