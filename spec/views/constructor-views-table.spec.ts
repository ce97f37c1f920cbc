import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

describe("a constructor table's views = {...} adds children (after the table's positional children)", () => {
  it("children listed under views, in order; a non-table or a non-view raises", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    const [labels] = tool.vm.run(`local vb = renoise.ViewBuilder()
local row = vb:row { vb:text { text = "a" }, views = { vb:text { text = "b" }, vb:text { text = "c" } } }
local out = {}
for i, v in ipairs(row.views) do out[i] = v.text end
return table.concat(out)`);
    expect(labels).toBe("abc");
    const [, notTable] = tool.vm.run(`return pcall(function() renoise.ViewBuilder():row { views = 1 } end)`);
    expect(notTable).toMatch(/ViewBuilder:row: views must be a table of views, got number/);
    const [, notView] = tool.vm.run(`return pcall(function() renoise.ViewBuilder():row { views = { 1 } } end)`);
    expect(notView).toMatch(/ViewBuilder:row: views: a view is expected, got number/);
    tool.unload();
  });
});
