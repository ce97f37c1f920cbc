import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, simulationMidi } from "../../src/index.js";

const TOOL = `
local inputs = renoise.Midi.available_input_devices()
local outputs = renoise.Midi.available_output_devices()
print("in: " .. table.concat(inputs, ","), "out: " .. table.concat(outputs, ","))
local out = renoise.Midi.create_output_device("Synth")
class "Echo"
function Echo:__init() self.count = 0 end
function Echo:on_midi(msg)
  self.count = self.count + 1
  out:send({ msg[1], msg[2] + 12, msg[3] })
end
function Echo:on_sysex(msg) print("sysex " .. #msg) end
local echo = Echo()
dev = renoise.Midi.create_input_device("Pads", { echo, Echo.on_midi }, { Echo.on_sysex, echo })
renoise.Midi.devices_changed_observable():add_notifier(function()
  print("devices now: " .. table.concat(renoise.Midi.available_input_devices(), ","))
end)
`;

describe("renoise.Midi devices driven from TypeScript", () => {
  it("the test sets the devices, fires input and reads what the tool sent", async () => {
    const sim = createSimulation({ seed: 1 });
    const midi = simulationMidi(sim);
    midi.setDevices({ inputs: ["Pads", "Keys"], outputs: ["Synth"] });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.printed[0]).toBe("in: Pads,Keys\tout: Synth");
    expect(midi.fire("Pads", [0x90, 48, 100])).toBe(1);
    midi.fire("Pads", [0xf0, 0x7e, 0x01, 0xf7]);
    expect(midi.sentTo("Synth")).toEqual([[0x90, 60, 100]]);
    expect(tool.printed.at(-1)).toBe("sysex 4");
    const trace = sim.formatTrace();
    expect(trace).toContain("midi.in");
    expect(trace).toContain('midi.out               device=Synth message="90 3C 64"');
    midi.setDevices({ inputs: ["Keys"] });
    expect(tool.printed.at(-1)).toBe("devices now: Keys");
    expect(tool.vm.run("return dev.is_open, dev.name")).toEqual([false, ""]);
    tool.unload();
  });

  it("unknown devices, bad messages and closed devices raise in Lua", async () => {
    const sim = createSimulation({ seed: 1 });
    simulationMidi(sim).setDevices({ inputs: ["In"], outputs: ["Out"] });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    const fails = (code: string) => tool.vm.run(`return select(2, pcall(function() ${code} end))`)[0];
    expect(fails(`renoise.Midi.create_output_device("Nope")`)).toMatch(/no MIDI output device named 'Nope'; available: 'Out'/);
    expect(fails(`renoise.Midi.create_input_device("In", nil, nil)`)).toMatch(/give a MIDI callback/);
    expect(fails(`renoise.Midi.create_output_device("Out"):send({0x90, 1, 2, 3})`)).toMatch(/1 to 3 bytes/);
    expect(fails(`renoise.Midi.create_output_device("Out"):send({0xF0, 1})`)).toMatch(/must end with 0xF7/);
    expect(fails(`renoise.Midi.create_output_device("Out"):send({256})`)).toMatch(/0\.\.255/);
    expect(fails(`local d = renoise.Midi.create_output_device("Out"); d:close(); d:send({0x90, 1, 2})`)).toMatch(/closed/);
    tool.unload();
  });

  it("a simulation starts with one input and one output device", () => {
    const midi = simulationMidi(createSimulation({ seed: 1 }));
    expect([midi.available_input_devices(), midi.available_output_devices()]).toEqual([["renoise-sim MIDI"], ["renoise-sim MIDI"]]);
  });
});
