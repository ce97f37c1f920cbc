import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, midiMappingMessage, SimulationUsageError } from "../../src/index.js";

const TOOL = `
renoise.tool():add_midi_mapping {
  name = "sim:Volume",
  invoke = function(m)
    if m:is_abs_value() then print("abs " .. m.int_value)
    elseif m:is_rel_value() then print("rel " .. m.int_value)
    elseif m:is_switch() then print("switch " .. tostring(m.boolean_value) .. " trigger " .. tostring(m:is_trigger()))
    elseif m:is_trigger() then print("trigger") end
  end,
}
assert(renoise.tool():has_midi_mapping("sim:Volume"))
`;

describe("MIDI mappings invoked from TypeScript", () => {
  it("a test invokes a mapping with a value, a relative change, a switch or a trigger", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.midiMappings).toEqual(["sim:Volume"]);
    tool.invokeMidiMapping("sim:Volume", midiMappingMessage.value(100));
    tool.invokeMidiMapping("sim:Volume", midiMappingMessage.relative(-3));
    tool.invokeMidiMapping("sim:Volume", midiMappingMessage.switch(true));
    tool.invokeMidiMapping("sim:Volume", midiMappingMessage.trigger());
    expect(tool.printed).toEqual(["abs 100", "rel -3", "switch true trigger true", "trigger"]);
    expect(() => tool.invokeMidiMapping("sim:Pan", midiMappingMessage.trigger())).toThrow(SimulationUsageError);
    expect(() => midiMappingMessage.value(128)).toThrow(RangeError);
    tool.vm.run(`renoise.tool():remove_midi_mapping("sim:Volume")`);
    expect(tool.midiMappings).toEqual([]);
    tool.unload();
  });
});
