import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

const CASES: [string, RegExp][] = [
  ["vb:checkbox { bind = doc.num }", /ViewBuilder:checkbox: bind must be a renoise\.Document\.ObservableBoolean, got ObservableNumber/],
  ["vb:slider { bind = 0.5 }", /ViewBuilder:slider: bind must be a renoise\.Document\.ObservableNumber, got number/],
  ["vb:textfield { bind = doc.flag }", /ViewBuilder:textfield: bind must be a renoise\.Document\.ObservableString, got ObservableBoolean/],
  ["vb:multiline_textfield { bind = doc.str }", /ViewBuilder:multiline_textfield: bind must be a renoise\.Document\.ObservableStringList, got ObservableString/],
  ["vb:xypad { bind = doc.num }", /ViewBuilder:xypad: bind must be a table \{x = renoise\.Document\.ObservableNumber, y = renoise\.Document\.ObservableNumber\}, got ObservableNumber/],
  ["vb:xypad { bind = { x = doc.num } }", /ViewBuilder:xypad: bind\.y must be a renoise\.Document\.ObservableNumber, got nil/],
  ["vb:button { bind = doc.flag }", /unknown property 'bind' for a view of type 'Button'/],
];

describe("bind: an observable of the wrong type raises, naming the constructor, bind and the expected type", () => {
  it.each(CASES)("%s", async (code, message) => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": `doc = renoise.Document.create("Wrong") { num = 1, flag = true, str = "s" }` },
    });
    const [ok, err] = tool.vm.run(`return pcall(function() local vb = renoise.ViewBuilder() ${code} end)`);
    expect(ok).toBe(false);
    expect(err).toMatch(message);
    tool.unload();
  });
});
