import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A table dressed as a song (its metatable's __metatable is the Song class
// metatable) given as self to song.track gets the host method's
// bad-argument error naming `track`, not the list behind it.
describe("index methods given a look-alike self", () => {
  it("raise the host's bad-argument error for track", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": "song = renoise.song()" } });
    const [ok, msg] = tool.vm.run(`
      local fake = setmetatable({}, { __metatable = getmetatable(song) })
      return pcall(song.track, fake, 1)
    `) as [boolean, string];
    expect(ok).toBe(false);
    expect(msg).toMatch(/bad argument #1 to 'track'/);
    expect(msg).not.toMatch(/tracks/);
    tool.unload();
  });
});
