import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// The clock's setTimeout holds at most 2^31 − 1 ms; a longer add_timer
// interval still fires once per interval, never early.
it("fires a timer longer than 2^31 ms once per interval, and one past the end of virtual time never", async () => {
  const sim = createSimulation();
  const tool = await loadLuaTool(sim, {
    files: {
      "main.lua": `
fired, never = {}, 0
renoise.tool():add_timer(function() fired[#fired + 1] = os.clock() * 1000 end, 3e9)
renoise.tool():add_timer(function() never = never + 1 end, 2^60)
`,
    },
  });
  sim.advance(2_999_999_999);
  expect(tool.vm.run("return #fired")).toEqual([0]);
  sim.advance(1);
  expect(tool.vm.run("return #fired, fired[1]")).toEqual([1, 3e9]);
  sim.advance(3e9);
  expect(tool.vm.run("return #fired, fired[2], never")).toEqual([2, 6e9, 0]);
  tool.unload();
  sim.dispose();
});
