import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, LuaError } from "../../src/index.js";

const TOOL = `
calls = {}
local tool = renoise.tool()
tool:add_menu_entry { name = "Main Menu:Tools:Demo:Start", invoke = function() calls[#calls + 1] = "start" end }
tool:add_menu_entry { name = "Main Menu:Tools:Demo:Stop", invoke = function() calls[#calls + 1] = "stop" end }
tool:add_menu_entry { name = "Main Menu:Tools:Demo:Broken", invoke = function() error("broken entry") end }
tool:add_keybinding {
  name = "Global:Tools:Demo Toggle",
  invoke = function(repeated) calls[#calls + 1] = "key:" .. tostring(repeated) end,
}
tool:add_midi_mapping { name = "Demo:Volume", invoke = function(message) end }
tool:remove_menu_entry("Main Menu:Tools:Demo:Stop")
`;

describe("menu entries and keybindings", () => {
  it("are recorded in order and invokable from TypeScript", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.menuEntries).toEqual(["Main Menu:Tools:Demo:Start", "Main Menu:Tools:Demo:Broken"]);
    expect(tool.keybindings).toEqual(["Global:Tools:Demo Toggle"]);
    expect(tool.midiMappings).toEqual(["Demo:Volume"]);
    tool.invokeMenu("Main Menu:Tools:Demo:Start");
    tool.invokeKeybinding("Global:Tools:Demo Toggle");
    expect(tool.vm.run("return table.concat(calls, ',')")).toEqual(["start,key:false"]);
    expect(sim.events.filter((e) => e.kind.startsWith("tool.menu") || e.kind.startsWith("tool.keybinding")).map((e) => `${e.kind} ${String(e.name)}`)).toEqual([
      "tool.menu.add Main Menu:Tools:Demo:Start",
      "tool.menu.add Main Menu:Tools:Demo:Stop",
      "tool.menu.add Main Menu:Tools:Demo:Broken",
      "tool.keybinding.add Global:Tools:Demo Toggle",
      "tool.menu.remove Main Menu:Tools:Demo:Stop",
      "tool.menu.invoke Main Menu:Tools:Demo:Start",
      "tool.keybinding.invoke Global:Tools:Demo Toggle",
    ]);
    tool.unload();
  });

  it("throw the Lua error of an entry, and name the known entries for an unknown name", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(() => tool.invokeMenu("Main Menu:Tools:Demo:Broken")).toThrow(LuaError);
    expect(() => tool.invokeMenu("Main Menu:Tools:Demo:Broken")).toThrow(/main\.lua:6: broken entry/);
    expect(() => tool.invokeMenu("Main Menu:Tools:Demo:Stop")).toThrow(
      'LuaTool.invokeMenu: the tool has no menu entry named "Main Menu:Tools:Demo:Stop"; it has "Main Menu:Tools:Demo:Start", "Main Menu:Tools:Demo:Broken"',
    );
    expect(
      tool.vm.run(`
        local ok, e = pcall(function() renoise.tool():add_menu_entry { name = "Main Menu:Tools:Demo:Start", invoke = print } end)
        return renoise.tool():has_menu_entry("Main Menu:Tools:Demo:Start"), renoise.tool():has_menu_entry("nope"), e
      `, "@m.lua"),
    ).toEqual([true, false, "m.lua:2: add_menu_entry: an entry named 'Main Menu:Tools:Demo:Start' exists already; test has_menu_entry() first"]);
    tool.unload();
  });
});
