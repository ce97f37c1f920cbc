import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// renoise.song() answers without a call into the host after its first call:
// it must stay the simulation's one song, the same userdata every way a tool
// reaches it, across new and loaded documents, with TypeScript's changes seen.
const TOOL = `
local saved = renoise.song
function check()
  local a = renoise.song()
  renoise.app():new_song()
  local b = renoise.song()
  renoise.app():load_song("/tmp/other.xrns")
  local c = renoise.song()
  return rawequal(a, b) and rawequal(b, c) and rawequal(c, renoise.app().current_song) and rawequal(c, saved()), c.name
end
`;

describe("renoise.song()", () => {
  it("is the simulation's one song however reached, through new and loaded documents", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    sim.song.name = "set from TypeScript";
    expect(tool.vm.call("check")).toEqual([true, "set from TypeScript"]);
    tool.unload();
  });
});
