import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, slide, toggle, within } from "../../src/index.js";

const TOOL = `
doc = renoise.Document.create("Once") { on = false, level = 0 }
calls = { doc_on = 0, view_on = 0, doc_level = 0, view_level = 0 }
local function bump(k) return function() calls[k] = calls[k] + 1 end end
doc.on:add_notifier(bump("doc_on"))
doc.level:add_notifier(bump("doc_level"))
vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Once", vb:column {
  vb:checkbox { id = "on", bind = doc.on, notifier = bump("view_on") },
  vb:slider { id = "level", bind = doc.level, notifier = bump("view_level") },
})
function counts() return calls.doc_on, calls.view_on, calls.doc_level, calls.view_level end
`;

describe("bind: one change fires each side's notifiers once (no ping-pong)", () => {
  it("a change of the view, then of the observable: one call each side each time; a same-value set fires nothing", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const q = within(tool.dialog("Once"));
    toggle(q.getById("on"));
    slide(q.getById("level"), 0.5);
    expect(tool.vm.call("counts")).toEqual([1, 1, 1, 1]);

    tool.vm.run("doc.on.value = false doc.level.value = 0.25");
    expect(tool.vm.call("counts")).toEqual([2, 2, 2, 2]);

    tool.vm.run("doc.on.value = false vb.views.level.value = 0.25");
    toggle(q.getById("on"), false);
    expect(tool.vm.call("counts")).toEqual([2, 2, 2, 2]);
    tool.unload();
  });

  it("a notifier of either side sees both sides agree already", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Agree") { n = 1 }
seen = {}
vb = renoise.ViewBuilder()
local box = vb:valuebox { bind = doc.n, notifier = function(v) seen[#seen + 1] = "view " .. v .. "/" .. doc.n.value end }
doc.n:add_notifier(function() seen[#seen + 1] = "doc " .. box.value .. "/" .. doc.n.value end)
box.value = 2
doc.n.value = 3`,
      },
    });
    expect(tool.vm.run("return table.concat(seen, ', ')")).toEqual(["doc 2/2, view 2/2, view 3/3, doc 3/3"]);
    tool.unload();
  });
});
