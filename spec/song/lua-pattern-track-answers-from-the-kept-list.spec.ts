import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import type { Pattern } from "../../src/renoise/song/pattern.js";

// pattern.tracks is a list Lua keeps and pattern:track(i) answers from it:
// the very userdata pattern.tracks[i] holds, without calling the host, and
// the new layout at once after tracks are inserted, swapped or deleted
// (from Lua in the same call, or from TypeScript between calls), with each
// track's pattern data following its track.
const TOOL = `
  song = renoise.song()
  function same(p)
    local pat, out = song:pattern(p), {}
    for i = 1, #pat.tracks do out[i] = rawequal(pat:track(i), pat.tracks[i]) and rawequal(pat:track(i), pat:track(i + 0.0)) end
    for i = 1, #out do if not out[i] then return false end end
    return #out == #song.tracks
  end
  function note(t) return song:pattern(1):track(t):line(1):note_column(1).note_string end
  function in_one_call()
    local pat = song:pattern(1)
    pat:track(2):line(1):note_column(1).note_string = "C-4"
    local old2 = pat:track(2)
    song:insert_track_at(1)
    local moved = rawequal(pat:track(3), old2) and note(3) == "C-4" and note(2) == "---"
    song:swap_tracks_at(1, 3)
    local swapped = rawequal(pat:track(1), old2) and note(1) == "C-4"
    song:delete_track_at(1)
    return moved, swapped, note(1), #pat.tracks
  end
  function out_of_range() return song:pattern(1):track(#song.tracks + 1) end
`;

describe("pattern:track(i) answers from the list Lua keeps", () => {
  it("gives pattern.tracks[i]'s userdata, calling the host once for the list", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const pattern = sim.song.patterns[0] as Pattern;
    const o = pattern as unknown as Record<string, (...a: unknown[]) => unknown>;
    const host = o.track!.bind(pattern);
    let calls = 0;
    o.track = (...a: unknown[]) => {
      calls++;
      return host(...a);
    };
    expect(tool.vm.call("same", 1)).toEqual([true]);
    expect(calls).toBe(0);
    expect(() => tool.vm.call("out_of_range")).toThrow(/Pattern:track: index 10 is out of range \(1 - 9\)/);
    expect(calls).toBe(1);
    tool.unload();
  });

  it("follows track layout changes made from Lua in the same call, with the data", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("same", 1)).toEqual([true]);
    expect(tool.vm.call("in_one_call")).toEqual([true, true, "---", sim.song.tracks.length]);
    expect(tool.vm.call("same", 1)).toEqual([true]);
    tool.unload();
  });

  it("follows changes made from TypeScript between calls, in new patterns too", async () => {
    const sim = createSimulation();
    const song = sim.song;
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("same", 1)).toEqual([true]);
    song.patterns[0]!.track(2).line(1).note_columns[0]!.note_string = "D-4";
    song.insert_track_at(1);
    expect(tool.vm.call("note", 3)).toEqual(["D-4"]);
    expect(tool.vm.call("same", 1)).toEqual([true]);
    song.delete_track_at(1);
    expect(tool.vm.call("note", 2)).toEqual(["D-4"]);
    song.sequencer.insert_new_pattern_at(1);
    expect(tool.vm.call("same", song.sequencer.pattern_sequence[0])).toEqual([true]);
    tool.unload();
  });
});
