import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A host call that changes a list Lua keeps and then raises (here
// make_range_unique adds the 1000th pattern, then finds no room for the
// next) leaves Lua reading the list as it is now, not as it was kept.
describe("kept song.patterns after a host call that raised", () => {
  it("sees the pattern the failing call added", async () => {
    const sim = createSimulation({ song: { patterns: 999, sequence: [1, 1, 1] } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "song = renoise.song()" } });
    const out = tool.vm.run(`
      local s = song.sequencer
      local n0 = #song.patterns
      local ok = pcall(s.make_range_unique, s, 1, 3)
      return n0, ok, #song.patterns, song.patterns[1000] ~= nil, song:pattern(1000) ~= nil
    `);
    expect(out).toEqual([999, false, 1000, true, true]);
    tool.unload();
  });
});
