import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A kept list is copied by a table constructor made for its length (up to
// 64 items; longer lists by unpack): every length must give a new table of
// exactly the list's items, in order, and nothing else.
const TOOL = `
  song = renoise.song()
  function shape()
    local first = song.tracks -- read from the host (and kept) when Lua keeps none
    local a = song.tracks -- a copy of the kept list
    local keys, ordered = 0, true
    for k, v in pairs(a) do
      keys = keys + 1
      if type(k) ~= "number" or not rawequal(v, song:track(k)) then ordered = false end
    end
    return #a, keys, ordered, a ~= song.tracks and a ~= first
  end
`;

describe("Lua's copies of a kept list hold the whole list, at any length", () => {
  for (const tracks of [1, 16, 17, 40, 64, 65, 130]) {
    it(`${tracks} sequencer tracks`, async () => {
      const sim = createSimulation({ song: { tracks } });
      const n = sim.song.tracks.length;
      const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
      expect(tool.vm.call("shape")).toEqual([n, n, true, true]);
      // After a layout change the list is read again, one longer.
      sim.song.insert_track_at(1);
      expect(tool.vm.call("shape")).toEqual([n + 1, n + 1, true, true]);
      tool.unload();
    });
  }
});
