import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, press, renderText, select, typeInto, within } from "../../src/index.js";

const TOOL = `
local vb = renoise.ViewBuilder()
local clicks = 0
local dialog = renoise.app():show_custom_dialog("Counter", vb:column {
  margin = renoise.ViewBuilder.DEFAULT_DIALOG_MARGIN,
  vb:text { id = "count", text = "0 clicks" },
  vb:button { text = "Click", notifier = function()
    clicks = clicks + 1
    vb.views.count.text = clicks .. " clicks"
  end },
  vb:popup { id = "mode", items = { "slow", "fast" }, notifier = function(i)
    renoise.app():show_status("mode " .. vb.views.mode.items[i])
  end },
  vb:textfield { id = "name", value = "", notifier = function(s) print("name=" .. s) end },
}, function(d, key)
  if key.name == "esc" then d:close() end
end)
assert(type(dialog) == "Dialog" and dialog.visible)
`;

describe("Lua dialog driven from TypeScript", () => {
  it("a test reads the dialog a tool opened at load, presses, selects and types, firing Lua notifiers", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const dialog = tool.dialog("Counter");
    const q = within(dialog);
    press(q.getByText("Click"));
    press(q.getByText("Click"));
    expect(q.getById("count").text).toBe("2 clicks");
    select(q.getById("mode"), "fast");
    expect(tool.messages.at(-1)).toEqual({ kind: "status", text: "mode fast" });
    typeInto(q.getById("name"), "ada");
    expect(tool.printed).toEqual(["name=ada"]);
    expect(renderText(dialog)).toContain('text #count "2 clicks"');
    expect(sim.formatTrace()).toContain("view.press");
    dialog.pressKey("esc");
    expect(tool.dialogs).toEqual([]);
    tool.unload();
  });

  it("a Lua error in a notifier comes out of the action and is traced", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `local vb = renoise.ViewBuilder()
renoise.app():show_custom_dialog("Broken", vb:button { text = "Boom", notifier = function() error("boom") end })`,
      },
    });
    expect(() => press(within(tool.dialog()).getByText("Boom"))).toThrow(/boom/);
    expect(sim.formatTrace()).toContain("callback.error");
    tool.unload();
  });

  it("show_custom_prompt returns the scripted answer; a function answer can fill in the prompt's views first", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      prompts: [
        (_title, buttons, dialog) => {
          typeInto(within(dialog!).getById("port"), "9001");
          return buttons[1]!;
        },
      ],
      files: {
        "main.lua": `local vb = renoise.ViewBuilder()
local answer = renoise.app():show_custom_prompt("Port", vb:textfield { id = "port", value = "8000" }, { "Cancel", "OK" })
print(answer .. " " .. vb.views.port.value)`,
      },
    });
    expect(tool.printed).toEqual(["OK 9001"]);
    expect(tool.dialogs).toEqual([]);
    tool.unload();
  });
});
