import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, slide, within } from "../../src/index.js";

const TOOL = `
doc = renoise.Document.create("Pad") { x = 0.25, y = 0.75 }
heard = {}
local function hear(axis) return function() heard[#heard + 1] = axis .. "=" .. doc[axis].value end end
doc.x:add_notifier(hear("x"))
doc.y:add_notifier(hear("y"))
local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Pad", vb:xypad { id = "pad", bind = { x = doc.x, y = doc.y } })
`;

describe("bind: an xypad binds a pair {x = ObservableNumber, y = ObservableNumber}", () => {
  it("takes both values, writes the axes that moved, follows either observable", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const pad = within(tool.dialog("Pad")).getById("pad");
    expect(pad.value).toEqual({ x: 0.25, y: 0.75 });

    slide(pad, { x: 0.5, y: 0.75 });
    expect(tool.vm.run("return doc.x.value, doc.y.value, table.concat(heard, ' ')")).toEqual([0.5, 0.75, "x=0.5"]);

    slide(pad, { x: 0, y: 1 });
    expect(tool.vm.run("return table.concat(heard, ' ')")).toEqual(["x=0.5 x=0 y=1"]);

    tool.vm.run("doc.y.value = 0.125");
    expect(pad.value).toEqual({ x: 0, y: 0.125 });
    tool.unload();
  });
});
