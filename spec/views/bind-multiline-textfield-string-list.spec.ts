import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, typeInto, within } from "../../src/index.js";

const TOOL = `
doc = renoise.Document.create("Lines") { lines = { "one", "two" } }
events = {}
doc.lines:add_notifier(function(e) events[#events + 1] = e.type .. e.index end)
local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Lines", vb:multiline_textfield { id = "text", bind = doc.lines })
function items()
  local out = {}
  for i = 1, #doc.lines do out[i] = doc.lines[i].value end
  return table.concat(out, "|"), table.concat(events, " ")
end
`;

describe("bind: a multiline_textfield binds an ObservableStringList, one item a line", () => {
  it("typing edits the items in place, removes or adds at the end; list and item changes move the text", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const text = within(tool.dialog("Lines")).getById("text");
    expect(text.value).toBe("one\ntwo");

    typeInto(text, "uno\ntwo\nthree");
    expect(tool.vm.call("items")).toEqual(["uno|two|three", "insert3"]);
    typeInto(text, "uno");
    expect(tool.vm.call("items")).toEqual(["uno", "insert3 remove3 remove2"]);

    tool.vm.run(`doc.lines:insert(1, "zero")`);
    expect(text.value).toBe("zero\nuno");
    tool.vm.run(`doc.lines[2].value = "one"`);
    expect(text.value).toBe("zero\none");
    tool.vm.run(`doc.lines:remove(1) doc.lines:remove(1)`);
    expect(text.value).toBe("");
    tool.unload();
  });
});
