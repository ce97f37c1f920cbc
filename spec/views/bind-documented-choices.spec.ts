import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, select, slide, within } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const MENU = "Main Menu:Tools:Bind Prefs:Settings...";

describe("bind: choices where Renoise's behaviour is not specified (docs/tool-world.md)", () => {
  it("an observable value outside the view's range shows clamped; the observable keeps its value until the view changes", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Range") { n = 500, item = 7, pick = 1.6 }
vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Range", vb:column {
  vb:valuebox { id = "n", min = 0, max = 127, bind = doc.n },
  vb:popup { id = "item", items = { "a", "b" }, bind = doc.item },
  vb:switch { id = "pick", items = { "x", "y", "z" }, bind = doc.pick },
})`,
      },
    });
    const q = within(tool.dialog());
    expect([q.getById("n").value, q.getById("item").value, q.getById("pick").value]).toEqual([127, 2, 2]);
    expect(tool.vm.run("return doc.n.value, doc.item.value, doc.pick.value")).toEqual([500, 7, 1.6]);
    tool.vm.run("doc.n.value = -3");
    expect(q.getById("n").value).toBe(0);
    expect(tool.vm.run("return doc.n.value")).toEqual([-3]);
    slide(q.getById("n"), 64);
    select(q.getById("item"), "a");
    expect(tool.vm.run("return doc.n.value, doc.item.value")).toEqual([64, 1]);
    tool.unload();
  });

  it("a closed dialog's views stop following; a dialog rebuilt each time binds the same preference afresh", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { dir: fixtureTool("bind-prefs-dialog") });
    tool.invokeMenu(MENU);
    const old = tool.dialog("Bind Prefs");
    const oldLevel = within(old).getById("level");
    old.close();
    tool.vm.run("renoise.tool().preferences.level.value = 0.9");
    expect(oldLevel.value).toBe(0.5);

    tool.invokeMenu(MENU);
    const fresh = within(tool.dialog("Bind Prefs")).getById("level");
    expect(fresh.value).toBe(0.9);
    slide(fresh, 0.1);
    expect(tool.vm.run("return renoise.tool().preferences.level.value")).toEqual([0.1]);
    expect(oldLevel.value).toBe(0.5);
    expect(tool.vm.run("return changes[#changes]")).toEqual(["level=0.1"]);
    tool.unload();
  });

  it("a closed dialog shown again follows again, taking the observable's value", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Again") { on = false }
heard = 0
vb = renoise.ViewBuilder()
dialog = renoise.app():show_custom_dialog("Again", vb:checkbox { id = "on", bind = doc.on, notifier = function() heard = heard + 1 end })`,
      },
    });
    const box = within(tool.dialog()).getById("on");
    tool.vm.run("dialog:close() doc.on.value = true");
    expect(box.value).toBe(false);
    tool.vm.run("dialog:show()");
    expect(box.value).toBe(true);
    expect(tool.vm.run("return heard")).toEqual([1]);
    tool.vm.run("doc.on.value = false");
    expect(box.value).toBe(false);
    tool.unload();
  });

  it("a bound view never shown in a dialog follows from the moment it is built", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Loose") { s = "a" }
field = renoise.ViewBuilder():textfield { bind = doc.s }
doc.s.value = "b"
seen = field.value
field.value = "c"`,
      },
    });
    expect(tool.vm.run("return seen, doc.s.value")).toEqual(["b", "c"]);
    tool.unload();
  });

  it("show_custom_dialog with the same content view again resumes its bindings", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Reuse") { n = 1 }
content = renoise.ViewBuilder():valuebox { id = "n", bind = doc.n }
dialog = renoise.app():show_custom_dialog("Reuse", content)`,
      },
    });
    tool.vm.run(`dialog:close() doc.n.value = 2`);
    expect(tool.vm.run("return content.value")).toEqual([1]);
    tool.vm.run(`dialog = renoise.app():show_custom_dialog("Reuse", content)`);
    expect(tool.vm.run("return content.value")).toEqual([2]);
    slide(within(tool.dialog("Reuse")).getById("n"), 3);
    expect(tool.vm.run("return doc.n.value")).toEqual([3]);
    tool.unload();
  });

  it("the binding's notifier on the observable is not the tool's: the tool's remove_notifier takes its own, the view keeps following", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Hidden") { on = false }
calls = 0
local function mine() calls = calls + 1 end
doc.on:add_notifier(mine)
cb = renoise.ViewBuilder():checkbox { bind = doc.on }
doc.on:remove_notifier(mine)
doc.on.value = true
result = { doc.on:has_notifier(mine), cb.value, calls }`,
      },
    });
    expect(tool.vm.run("return result[1], result[2], result[3]")).toEqual([false, true, 0]);
    tool.unload();
  });

  it("after the tool unloads, its bound views no longer reach the closed VM", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("Gone") { on = false }
local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Gone", vb:checkbox { id = "on", bind = doc.on })`,
      },
    });
    const shown = within(tool.dialog("Gone")).getById("on");
    tool.unload();
    shown.value = true;
    expect(shown.value).toBe(true);
  });
});
