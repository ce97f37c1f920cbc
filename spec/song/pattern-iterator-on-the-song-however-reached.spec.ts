import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// song.pattern_iterator is there whichever way and whenever a tool first reaches
// the song: a reference to renoise.song taken at load, renoise.app().current_song,
// or renoise.song() in a later call; and renoise.song() keeps returning the
// simulation's one song.
const TOOL = `
local song_fn = renoise.song
function via_saved() return type(song_fn().pattern_iterator) end
function via_app() return type(renoise.app().current_song.pattern_iterator) end
function via_global() return type(renoise.song().pattern_iterator) end
function same() return rawequal(renoise.song(), renoise.app().current_song) and rawequal(song_fn(), renoise.song()) end
function lines() local n = 0 for _ in renoise.song().pattern_iterator:lines_in_pattern(1) do n = n + 1 end return n end
`;

async function load() {
  const sim = createSimulation({ song: { tracks: 1, patterns: [4] } });
  return { sim, tool: await loadLuaTool(sim, { files: { "main.lua": TOOL } }) };
}

describe("song.pattern_iterator however the tool reaches the song", () => {
  for (const first of ["via_saved", "via_app", "via_global"]) {
    it(`first reached ${first.replace("via_", "through ")}: every way sees the iterator`, async () => {
      const { tool } = await load();
      expect(tool.vm.call(first)).toEqual(["PatternIterator"]);
      for (const other of ["via_saved", "via_app", "via_global"]) expect(tool.vm.call(other)).toEqual(["PatternIterator"]);
      expect(tool.vm.call("same")).toEqual([true]);
      expect(tool.vm.call("lines")).toEqual([8]);
      tool.unload();
    });
  }

  it("the TypeScript side's song is the one Lua gets, even when TypeScript asks first", async () => {
    const { sim, tool } = await load();
    sim.song.tracks[0]!.name = "from TS";
    expect(tool.vm.run("return renoise.song().tracks[1].name")).toEqual(["from TS"]);
    tool.unload();
  });
});
