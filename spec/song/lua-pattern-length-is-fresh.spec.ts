import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// pattern.number_of_lines is a value Lua keeps between reads (the pattern walk
// reads it every step); every change must still be seen at once.
describe("Lua always reads a pattern's current number_of_lines", () => {
  it("sees changes made from TypeScript between calls, and from Lua and another tool within a call", async () => {
    const sim = createSimulation({ song: { tracks: 1, patterns: [16] } });
    const main = `
      local p = renoise.song():pattern(1)
      function length() return p.number_of_lines end
      function set_and_read(n)
        local before = p.number_of_lines
        p.number_of_lines = n
        return before, p.number_of_lines
      end
      function read_around(fn)
        local before = p.number_of_lines
        _G[fn]()
        return before, p.number_of_lines
      end`;
    const a = await loadLuaTool(sim, { files: { "main.lua": main } });
    const b = await loadLuaTool(sim, { files: { "main.lua": main } });
    expect(a.vm.call("length")).toEqual([16]);
    sim.song.patterns[0]!.number_of_lines = 32;
    expect(a.vm.call("length")).toEqual([32]);
    expect(a.vm.call("set_and_read", 8)).toEqual([32, 8]);
    expect(b.vm.call("length")).toEqual([8]);
    // Tool b changes the length while tool a is between two reads of one call.
    a.vm.installGlobals({ poke: () => void b.vm.call("set_and_read", 24) });
    expect(a.vm.call("read_around", "poke")).toEqual([8, 24]);
    a.unload();
    b.unload();
  });
});
