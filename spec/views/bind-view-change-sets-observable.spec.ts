import { describe, expect, it } from "vitest";
import { createSimulation, enter, loadLuaTool, select, slide, toggle, typeInto, within } from "../../src/index.js";

const TOOL = `
doc = renoise.Document.create("Edits") { on = false, port = 8000, level = 0, mode = 1, name = "" }
vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Edits", vb:column {
  vb:checkbox { id = "on", bind = doc.on },
  vb:valuebox { id = "port", min = 1, max = 65535, bind = doc.port },
  vb:slider { id = "level", bind = doc.level },
  vb:switch { id = "mode", items = { "UDP", "TCP" }, bind = doc.mode },
  vb:textfield { id = "name", bind = doc.name },
})
function read() return doc.on.value, doc.port.value, doc.level.value, doc.mode.value, doc.name.value end
`;

describe("bind: when the view's value changes, the observable's value is set", () => {
  it("a test operating the dialog from TypeScript sets the tool's observables", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const q = within(tool.dialog("Edits"));
    toggle(q.getById("on"));
    enter(q.getById("port"), "9001");
    slide(q.getById("level"), 0.75);
    select(q.getById("mode"), "TCP");
    typeInto(q.getById("name"), "Grace");
    expect(tool.vm.call("read")).toEqual([true, 9001, 0.75, 2, "Grace"]);
    tool.unload();
  });

  it("a script setting view.value sets the observable", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    tool.vm.run(`vb.views.on.value = true vb.views.port.value = 1234 vb.views.name.text = "Lin"`);
    expect(tool.vm.call("read")).toEqual([true, 1234, 0, 1, "Lin"]);
    tool.unload();
  });
});
