import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, within } from "../../src/index.js";

const TOOL = `
doc = renoise.Document.create("Follow") { on = false, port = 8000, name = "a" }
seen = {}
local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Follow", vb:column {
  vb:checkbox { id = "on", bind = doc.on },
  vb:valuebox { id = "port", min = 1, max = 65535, bind = doc.port,
    notifier = function(v) seen[#seen + 1] = v end },
  vb:textfield { id = "name", bind = doc.name },
})
`;

describe("bind: when the observable's value changes, the view follows", () => {
  it("Lua setting the observable moves the view and fires the view's notifier", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const q = within(tool.dialog("Follow"));
    tool.vm.run(`doc.on.value = true doc.port.value = 9000 doc.name.value = "Zo\\195\\171"`);
    expect([q.getById("on").value, q.getById("port").value, q.getById("name").value]).toEqual([true, 9000, "Zoë"]);
    expect(tool.vm.run("return table.concat(seen, ',')")).toEqual(["9000"]);
    tool.unload();
  });

  it("a document loaded from XML moves the views bound to its values", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [ok] = tool.vm.run(`return doc:from_string('<Follow doc_version="0"><on>true</on><port>4242</port><name>b</name></Follow>')`);
    expect(ok).toBe(true);
    const q = within(tool.dialog());
    expect([q.getById("on").value, q.getById("port").value, q.getById("name").value]).toEqual([true, 4242, "b"]);
    tool.unload();
  });
});
