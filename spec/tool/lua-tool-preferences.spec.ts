import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, LuaError } from "../../src/index.js";

const TOOL = `
options = renoise.Document.create("DemoPreferences") { port = 8000, host = "localhost", enabled = true }
renoise.tool().preferences = options
changes = {}
options.port:add_notifier(function() changes[#changes + 1] = options.port.value end)
`;

describe("renoise.tool().preferences", () => {
  it("holds a renoise.Document whose values are observables with .value", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.readPreferences()).toEqual({ enabled: true, host: "localhost", port: 8000 });
    expect(
      tool.vm.run(`
        local p = renoise.tool().preferences
        p.port.value = 9000
        p.port.value = 9000 -- unchanged: no notification
        p.host.value = "studio"
        local ok, err = pcall(function() p.port.value = "x" end)
        return rawequal(p, options), type(p.port), p.port.value, table.concat(changes, ","), err
      `, "@p.lua"),
    ).toEqual([true, "ObservableNumber", 9000, "9000", "p.lua:6: ObservableNumber.value: a number is expected, got string"]);
    expect(tool.readPreferences()).toEqual({ enabled: true, host: "studio", port: 9000 });
    tool.unload();
  });

  it("starts from the values given in options.preferences, like saved preferences", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL }, preferences: { port: 7000, typo: 1 } });
    expect(tool.readPreferences()).toEqual({ enabled: true, host: "localhost", port: 7000 });
    expect(sim.events.find((e) => e.kind === "tool.preferences.unknown")).toMatchObject({ names: "typo" });
    tool.unload();
  });

  it("supports DocumentNode subclasses with add_property", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          class "Prefs" (renoise.Document.DocumentNode)
          function Prefs:__init()
            renoise.Document.DocumentNode.__init(self)
            self:add_property("volume", 0.5)
            self:add_property("name", renoise.Document.ObservableString("synth"))
          end
          renoise.tool().preferences = Prefs()`,
      },
      preferences: { volume: 1 },
    });
    expect(tool.readPreferences()).toEqual({ volume: 1, name: "synth" });
    expect(tool.vm.run("return type(renoise.tool().preferences), renoise.tool().preferences:property('name').value")).toEqual([
      "Prefs",
      "synth",
    ]);
    tool.unload();
  });

  it("refuses a saved value of the wrong type with a message naming options.preferences", async () => {
    const sim = createSimulation({ seed: 1 });
    await expect(loadLuaTool(sim, { files: { "main.lua": TOOL }, preferences: { port: "eighty" } })).rejects.toThrow(LuaError);
    await expect(loadLuaTool(sim, { files: { "main.lua": TOOL }, preferences: { port: "eighty" } })).rejects.toThrow(
      "options.preferences.port is a string, but the tool's preference 'port' is a number",
    );
  });
});
