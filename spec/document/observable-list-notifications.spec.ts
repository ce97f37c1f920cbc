import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

describe("list observables notify insert, remove and swap tables", () => {
  it("pattern_sequence_observable tells a Lua notifier what changed, as Renoise's tables", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          seen = {}
          renoise.song().sequencer.pattern_sequence_observable:add_notifier(function(change)
            seen[#seen + 1] = change.type .. " " .. tostring(change.index or (change.index1 .. "," .. change.index2))
          end)`,
      },
    });
    const seq = sim.song.sequencer;
    seq.insert_sequence_at(2, 1);
    seq.delete_sequence_at(1);
    seq._list.swap(1, 1);
    expect(tool.vm.run("return table.concat(seen, '; ')")).toEqual(["insert 2; remove 1; swap 1,1"]);
    tool.unload();
  });
});
