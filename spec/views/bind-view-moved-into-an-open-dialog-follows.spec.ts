import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A bound view whose dialog closed pauses; moved into a dialog that is open,
// it follows its observable again (as when a dialog shows it).
const TOOL = `
prefs = renoise.Document.create("Prefs") { flag = false }
local vb = renoise.ViewBuilder()
cb = vb:checkbox { bind = prefs.flag }
one_box = vb:column { cb }
two_box = vb:column {}
one = renoise.app():show_custom_dialog("one", one_box)
two = renoise.app():show_custom_dialog("two", two_box)
one:close()
one_box:remove_child(cb)
two_box:add_child(cb)
prefs.flag.value = true
`;

describe("bind = observable, a view moved between dialogs", () => {
  it("follows again once it is in an open dialog", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.run("return two.visible, cb.value, prefs.flag.value")).toEqual([true, true, true]);
    tool.unload();
  });
});
