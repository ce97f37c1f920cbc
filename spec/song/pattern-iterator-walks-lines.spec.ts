import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// The pattern iterator's line walk: the same line objects as pattern_track:line(i),
// a fresh pos per step, and a pattern resized during the walk is followed.
const TOOL = `
function walk(resize_at, new_length)
  local song = renoise.song()
  local out, seen = {}, {}
  for pos, line in song.pattern_iterator:lines_in_pattern(1) do
    assert(not seen[pos], "pos table reused")
    seen[pos] = true
    assert(rawequal(line, song:pattern(pos.pattern):track(pos.track):line(pos.line)), "not the track's line object")
    out[#out + 1] = pos.track .. ":" .. pos.line
    if resize_at == #out then song:pattern(1).number_of_lines = new_length end
  end
  return table.concat(out, " ")
end

function write_all()
  local n = 0
  for pos, line in renoise.song().pattern_iterator:lines_in_pattern_track(1, 1) do
    line:note_column(1).note_value = pos.line
    n = n + 1
  end
  return n
end
`;

async function tool(lines: number) {
  const sim = createSimulation({ song: { tracks: 1, patterns: [lines] } });
  const t = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  return { sim, t };
}

describe("pattern_iterator:lines_in_pattern", () => {
  it("walks every line of every track in order, yielding the track's own line objects and a fresh pos each step", async () => {
    const { sim, t } = await tool(3);
    expect(sim.song.tracks).toHaveLength(2);
    expect(t.vm.call("walk")).toEqual(["1:1 1:2 1:3 2:1 2:2 2:3"]);
    t.unload();
  });

  it("stops a track's walk at the new end when the pattern is shortened during the walk", async () => {
    const { t } = await tool(4);
    // Shortened to 2 lines after the second line: track 1 stops there, track 2 has 2 lines.
    expect(t.vm.call("walk", 2, 2)).toEqual(["1:1 1:2 2:1 2:2"]);
    t.unload();
  });

  it("walks on to the new end when the pattern is lengthened during the walk", async () => {
    const { t } = await tool(2);
    expect(t.vm.call("walk", 1, 3)).toEqual(["1:1 1:2 1:3 2:1 2:2 2:3"]);
    t.unload();
  });

  it("writes through the yielded lines land in the pattern", async () => {
    const { sim, t } = await tool(4);
    expect(t.vm.call("write_all")).toEqual([4]);
    const track = sim.song.patterns[0]!.track(1);
    expect([1, 2, 3, 4].map((l) => track.line(l).note_column(1).note_value)).toEqual([1, 2, 3, 4]);
    t.unload();
  });
});
