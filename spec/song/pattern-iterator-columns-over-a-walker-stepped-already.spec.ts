import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A column walk built on the iterator's own line walker after a tool's lines_in_pattern has already
// stepped it (here past line 1 of track 1): the column walk goes on from where that walker is, with
// the lines' own column objects, and the walker keeps yielding pos tables and lines to whoever steps it.
const TOOL = `
local original = renoise.PatternIterator.lines_in_pattern
function renoise.PatternIterator:lines_in_pattern(p)
  local walker = original(self, p)
  local pos, line = walker()
  first = type(pos) .. " " .. pos.track .. ":" .. pos.line .. " " .. type(line)
  return walker
end

function walk()
  local song = renoise.song()
  local out = {}
  for pos, column in song.pattern_iterator:note_columns_in_pattern(1, true) do
    local line = song:pattern(pos.pattern):track(pos.track):line(pos.line)
    assert(rawequal(column, line.note_columns[pos.column]), "not the line's column object")
    out[#out + 1] = pos.track .. ":" .. pos.line .. ":" .. pos.column
  end
  return first, table.concat(out, " ")
end
`;

describe("pattern_iterator: a column walk over a line walker stepped already", () => {
  it("goes on from the walker's next line, column objects and all", async () => {
    const sim = createSimulation({ song: { tracks: 1, patterns: [3] } });
    sim.song.tracks[0]!.visible_note_columns = 2;
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("walk")).toEqual(["table 1:1 PatternLine", "1:2:1 1:2:2 1:3:1 1:3:2"]);
    tool.unload();
  });
});
