import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, renderText, slide, toggle, within } from "../../src/index.js";

// A document shared by a checkbox, a valuebox and an xypad, each value with a
// notifier reporting changes in the status bar: the use Renoise's example GUI tool shows.
const TOOL = `
local doc = renoise.Document.create("Shared") { enabled = false, velocity = 100, px = 0.5, py = 0.5 }
local function report(name) return function() renoise.app():show_status(name .. " is now " .. tostring(doc[name].value)) end end
for _, name in ipairs({ "enabled", "velocity", "px", "py" }) do doc[name]:add_notifier(report(name)) end
local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Shared", vb:column {
  views = {
    vb:row { views = { vb:text { text = "enabled" }, vb:checkbox { bind = doc.enabled } } },
    vb:row { views = { vb:text { text = "velocity" }, vb:valuebox { bind = doc.velocity, min = 0, max = 127 } } },
    vb:xypad { bind = { x = doc.px, y = doc.py } },
  },
})
`;

const EXAMPLE = "/tmp/xrnx/tools/com.renoise.ExampleToolGui.xrnx";

describe("bind: a document shown by bound checkbox, valuebox and xypad (Renoise's example GUI tool style)", () => {
  it("operating the views runs the document's notifiers", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const dialog = tool.dialog("Shared");
    expect(renderText(dialog)).toContain("valuebox 100 [0..127]");
    const q = within(dialog);
    toggle(q.getAllByType("checkbox")[0]!);
    slide(q.getAllByType("valuebox")[0]!, 42);
    slide(q.getAllByType("xypad")[0]!, { x: 0.25, y: 0.5 });
    expect(tool.messages.map((m) => m.text)).toEqual(["enabled is now true", "velocity is now 42", "px is now 0.25"]);
    tool.unload();
  });

  it.skipIf(!existsSync(EXAMPLE))("Renoise's own example tool, if /tmp/xrnx is present: its Documents & Views dialog", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { dir: EXAMPLE });
    const entry = tool.menuEntries.find((n) => n.includes("Documents & Views"));
    expect(entry).toBeDefined();
    tool.invokeMenu(entry!);
    const q = within(tool.dialog("Documents & Views"));
    toggle(q.getAllByType("checkbox")[0]!);
    slide(q.getAllByType("valuebox")[0]!, 42);
    slide(q.getAllByType("xypad")[0]!, { x: 0.25, y: 0.75 });
    const texts = tool.messages.map((m) => m.text);
    expect(texts.some((t) => t.includes("'my_flag' changed to 'True'"))).toBe(true);
    expect(texts.some((t) => t.includes("'some_velocity' value changed to '42'"))).toBe(true);
    expect(texts.at(-1)).toContain("0.25,0.75");
    tool.unload();
  });
});
