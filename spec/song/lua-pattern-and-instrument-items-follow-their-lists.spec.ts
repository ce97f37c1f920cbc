import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// Lua keeps song.patterns and song.instruments as it keeps song.tracks, and
// answers song:pattern(i) and song:instrument(i) from them: after patterns
// are added or renumbered (sequencer:sort) and instruments inserted, swapped
// or deleted, both answer the new layout at once.
const TOOL = `
  song = renoise.song()
  function patterns_follow()
    local seq = song.sequencer
    local first = song:pattern(1)
    seq:insert_new_pattern_at(1) -- a new pattern, played first
    local n = #song.patterns
    local new = song:pattern(n)
    local added = rawequal(new, song.patterns[n]) and new ~= first
    seq:sort() -- renumbers: the pattern played first becomes pattern 1
    local sorted = rawequal(song:pattern(1), new) and rawequal(song:pattern(2), first) and rawequal(song.patterns[1], new)
    return added, sorted
  end
  function instruments_follow()
    local first = song:instrument(1)
    song:insert_instrument_at(1)
    local new = song:instrument(1)
    local inserted = new ~= first and rawequal(song:instrument(2), first) and rawequal(song.instruments[1], new)
    song:swap_instruments_at(1, 2)
    local swapped = rawequal(song:instrument(1), first) and rawequal(song:instrument(2), new)
    song:delete_instrument_at(1)
    local deleted = rawequal(song:instrument(1), new) and rawequal(song.instruments[1], new)
    return inserted, swapped, deleted
  end
`;

describe("song:pattern(i) and song:instrument(i) follow their lists", () => {
  it("answers the patterns after one is added and after the sequencer renumbers them", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("patterns_follow")).toEqual([true, true]);
    expect(tool.vm.run("return #song.patterns")).toEqual([sim.song.patterns.length]);
    tool.unload();
  });

  it("answers the instruments after inserts, swaps and deletes", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("instruments_follow")).toEqual([true, true, true]);
    tool.unload();
  });
});
