import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// The pattern iterator's column walks: the lines' own column objects, in line
// then column order, limited to the visible columns with visible_only, and
// built on whatever lines_in_* the PatternIterator class has (a tool may override it).
const TOOL = `
function walk(kind, visible_only)
  local song = renoise.song()
  local out = {}
  for pos, column in song.pattern_iterator[kind .. "_columns_in_pattern"](song.pattern_iterator, 1, visible_only) do
    local line = song:pattern(pos.pattern):track(pos.track):line(pos.line)
    assert(rawequal(column, line[kind .. "_columns"][pos.column]), "not the line's column object")
    out[#out + 1] = pos.track .. ":" .. pos.line .. ":" .. pos.column
  end
  return table.concat(out, " ")
end

function override_lines()
  -- Only line 2 of each track, through a tool's own lines_in_pattern.
  function renoise.PatternIterator:lines_in_pattern(p)
    local song, t = self.song, 0
    return function()
      t = t + 1
      if t > #song.tracks then return nil end
      return { pattern = p, track = t, line = 2 }, song:pattern(p):track(t):line(2)
    end
  end
end
`;

async function tool() {
  const sim = createSimulation({ song: { tracks: 1, patterns: [2] } });
  sim.song.tracks[0]!.visible_note_columns = 2;
  sim.song.tracks[0]!.visible_effect_columns = 1;
  return loadLuaTool(sim, { files: { "main.lua": TOOL } });
}

describe("pattern_iterator column walks", () => {
  it("note columns: every column of every line, or only the visible ones; the master track has none", async () => {
    const t = await tool();
    const all = t.vm.call("walk", "note", false)[0] as string;
    expect(all.split(" ")).toHaveLength(2 * 12);
    expect(all.startsWith("1:1:1 1:1:2 1:1:3")).toBe(true);
    expect(t.vm.call("walk", "note", true)).toEqual(["1:1:1 1:1:2 1:2:1 1:2:2"]);
    t.unload();
  });

  it("effect columns: on every track, visible_only limits each track to its visible ones", async () => {
    const t = await tool();
    const all = (t.vm.call("walk", "effect", false)[0] as string).split(" ");
    expect(all).toHaveLength(2 * 2 * 8);
    expect(all.slice(0, 9)).toEqual(["1:1:1", "1:1:2", "1:1:3", "1:1:4", "1:1:5", "1:1:6", "1:1:7", "1:1:8", "1:2:1"]);
    const visible = (t.vm.call("walk", "effect", true)[0] as string).split(" ");
    expect(visible.slice(0, 2)).toEqual(["1:1:1", "1:2:1"]);
    t.unload();
  });

  it("walks the lines of an overridden lines_in_pattern", async () => {
    const t = await tool();
    t.vm.call("override_lines");
    expect(t.vm.call("walk", "note", true)).toEqual(["1:2:1 1:2:2"]);
    t.unload();
  });
});
