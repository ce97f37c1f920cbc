import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

describe("Renoise's API classes are luabind class objects in Lua", () => {
  it("type(renoise.Song) is 'Song class' while type(renoise.song()) is 'Song'; constants stay reachable", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    const out = tool.vm.run(`
      return type(renoise.Song), type(renoise.song()), type(renoise.Track), renoise.Track.TRACK_TYPE_MASTER,
        type(renoise.Transport), renoise.Song.SUB_COLUMN_VOLUME
    `);
    expect(out).toEqual(["Song class", "Song", "Track class", 2, "Transport class", 3]);
    tool.unload();
  });
});
