import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// loadLuaTool's instructionLimit guards against endless loops; 0 turns the guard off
// (docs/lua-tools.md): no count hook is set, and the work a small limit stops runs to its end.
const TOOL = `
function spin(n)
  local x = 0
  for i = 1, n do x = x + i end
  return x
end
function hooked() return type((debug.gethook())) ~= "nil" end
`;

describe("instructionLimit 0", () => {
  it("runs work that a small limit stops", async () => {
    const sim = createSimulation();
    const limited = await loadLuaTool(sim, { instructionLimit: 10_000, files: { "main.lua": TOOL } });
    expect(limited.vm.call("hooked")).toEqual([true]);
    expect(() => limited.vm.call("spin", 100_000)).toThrow(/instruction/i);
    limited.unload();

    // No count hook at all (not merely a larger limit): the loop pays nothing per instruction.
    const free = await loadLuaTool(sim, { instructionLimit: 0, files: { "main.lua": TOOL } });
    expect(free.vm.call("hooked")).toEqual([false]);
    expect(free.vm.call("spin", 100_000)).toEqual([5_000_050_000]);
    free.unload();
    sim.dispose();
  });
});
