import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { compileCacheStats } from "../../src/lua/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// Determinism: a tool's files are compiled by a VM of their own and every
// tool VM loads the bytecode, so the first load of a file in a process (a
// compile) and every later one (kept bytecode) leave the same heap behind:
// the same addresses in tostring, the same memory count, the same order of
// tables keyed by objects. A scenario replayed in a new process runs as it
// did in the campaign that found it, whatever ran before it there.
it("loads a tool's files alike whether they were compiled for this load or kept from an earlier one", async () => {
  const files = {
    "main.lua": [
      "-- compile-cache determinism spec",
      "local keys = {} for i = 1, 40 do keys[{}] = i end",
      "local order = {} for _, i in pairs(keys) do order[#order + 1] = i end",
      "fingerprint = tostring({}) .. ' ' .. collectgarbage('count') .. ' ' .. table.concat(order, ',')",
    ].join("\n"),
  };
  const prints: unknown[] = [];
  const kept = compileCacheStats.kept;
  for (let i = 0; i < 3; i++) {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files });
    prints.push(tool.vm.run("return fingerprint")[0]);
    tool.unload();
    sim.dispose();
  }
  expect(compileCacheStats.kept - kept).toBe(1); // compiled for the first load, kept for the others
  expect(prints[1]).toBe(prints[0]);
  expect(prints[2]).toBe(prints[0]);
});
