import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A tool's lines_in_pattern keeps the iterator's own line walker it hands on to a column walk, and
// steps it itself from the loop body (the column walk and the tool share one walk): every step the
// tool takes still yields a pos table and the line, as a line walker does, whoever else steps it.
const TOOL = `
local original = renoise.PatternIterator.lines_in_pattern
local kept
function renoise.PatternIterator:lines_in_pattern(p)
  kept = original(self, p)
  return kept
end

function walk()
  local song = renoise.song()
  local out = {}
  for pos in song.pattern_iterator:note_columns_in_pattern(1, true) do
    local pos2, line2 = kept()
    local what = pos2 == nil and "end" or type(pos2) == "table" and (pos2.track .. ":" .. pos2.line .. " " .. type(line2)) or type(pos2)
    out[#out + 1] = pos.line .. " -> " .. what
  end
  return table.concat(out, ", ")
end
`;

describe("pattern_iterator: a line walker handed on to a column walk", () => {
  it("still yields a pos table and the line to a tool that steps it", async () => {
    const sim = createSimulation({ song: { tracks: 1, patterns: [4] } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    // Track 1 has 1 visible note column, the master none: the column walk gets lines 1 and 3 of
    // track 1, the tool lines 2 and 4; the master's lines give the column walk nothing to yield.
    expect(tool.vm.call("walk")).toEqual(["1 -> 1:2 PatternLine, 3 -> 1:4 PatternLine"]);
    tool.unload();
  });
});
