import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, within } from "../../src/index.js";

const TOOL = `
doc = renoise.Document.create("Initial") { on = true, port = 9000, level = 0.25, mode = 2, name = "Ada", lines = { "a", "b" } }
fired = 0
local function count() fired = fired + 1 end
local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Initial", vb:column {
  vb:checkbox { id = "on", bind = doc.on, notifier = count },
  vb:valuebox { id = "port", min = 1, max = 65535, bind = doc.port, notifier = count },
  vb:slider { id = "level", bind = doc.level, notifier = count },
  vb:popup { id = "mode", items = { "one", "two", "three" }, bind = doc.mode, notifier = count },
  vb:textfield { id = "name", bind = doc.name, notifier = count },
  vb:multiline_textfield { id = "lines", bind = doc.lines, notifier = count },
  vb:valuebox { id = "both", value = 5, bind = doc.port, min = 1, max = 65535 },
})
`;

describe("bind: a view takes the observable's value when it is built", () => {
  it("each kind of view shows its observable's value; the constructor notifier does not fire for it", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const q = within(tool.dialog("Initial"));
    expect(q.getById("on").value).toBe(true);
    expect(q.getById("port").value).toBe(9000);
    expect(q.getById("level").value).toBe(0.25);
    expect(q.getById("mode").value).toBe(2);
    expect(q.getById("name").value).toBe("Ada");
    expect(q.getById("lines").value).toBe("a\nb");
    expect(tool.vm.run("return fired")).toEqual([0]);
    tool.unload();
  });

  it("given both value and bind, bind wins: the view shows the observable's value", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(within(tool.dialog()).getById("both").value).toBe(9000);
    expect(tool.vm.run("return doc.port.value")).toEqual([9000]);
    tool.unload();
  });
});
