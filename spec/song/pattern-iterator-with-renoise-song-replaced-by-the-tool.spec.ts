import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A tool may wrap renoise.song before it first calls it (logging, caching).
// song.pattern_iterator is still there, the tool's wrapper stays in place,
// and a tool that wraps the Song class's __index sees every member through it.
const TOOL = `
local original = renoise.song
calls = 0
renoise.song = function() calls = calls + 1 return original() end
function first() return type(renoise.song().pattern_iterator) end
function still_wrapped() renoise.song() renoise.song() return calls end
function wrap_index()
  local mt = getmetatable(renoise.song())
  local index = mt.__index
  seen = {}
  mt.__index = function(self, k) seen[#seen + 1] = k return index(self, k) end
end
function read_through_wrapper()
  local song = renoise.song()
  local t = song.transport
  local it = song.pattern_iterator
  local n = #song.tracks
  return table.concat(seen, ","), type(t), type(it), n
end
`;

describe("song.pattern_iterator when the tool replaces renoise.song or wraps the Song class", () => {
  it("a tool's own renoise.song stays in place and the song has its iterator", async () => {
    const sim = createSimulation({ song: { tracks: 2, patterns: [4] } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("first")).toEqual(["PatternIterator"]);
    expect(tool.vm.call("still_wrapped")).toEqual([3]);
    tool.unload();
  });

  it("a wrapped Song __index sees every member read, the iterator included", async () => {
    const sim = createSimulation({ song: { tracks: 2, patterns: [4] } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    tool.vm.call("first");
    tool.vm.call("wrap_index");
    const [seen, transport, iterator, tracks] = tool.vm.call("read_through_wrapper") as [string, string, string, number];
    expect(seen).toBe("transport,pattern_iterator,tracks");
    expect([transport, iterator]).toEqual(["Transport", "PatternIterator"]);
    expect(tracks).toBeGreaterThanOrEqual(2);
    tool.unload();
  });
});
