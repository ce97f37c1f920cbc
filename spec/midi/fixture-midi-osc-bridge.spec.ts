import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, midiMappingMessage, simulationMidi } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const { from_binary_data } = createOscApi();

describe("fixture tool: MIDI to OSC bridge", () => {
  it("MIDI input fired by the test arrives as OSC datagrams at the target", async () => {
    const sim = createSimulation({ seed: 5, latency: 1 });
    const synth = sim.addHost("synth", { address: "10.0.0.50" });
    const got: string[] = [];
    const [server, err] = synth.Socket.create_server(9000, synth.Socket.PROTOCOL_UDP);
    if (!server) throw new Error(err);
    server.run({
      socket_message(_client, data) {
        const [msg, e] = from_binary_data(data);
        got.push(msg ? String(msg) : `error ${e}`);
      },
    });
    const midi = simulationMidi(sim);
    midi.setDevices({ inputs: ["Keys"] });
    const tool = await loadLuaTool(sim, { dir: fixtureTool("midi-osc-bridge") });

    midi.fire("Keys", [0x90, 60, 100]);
    midi.fire("Keys", [0x91, 62, 0]);
    midi.fire("Keys", [0xb0, 7, 64]);
    midi.fire("Keys", [0xe0, 0, 64]); // pitch bend: dropped
    tool.invokeMidiMapping("Bridge:Enabled", midiMappingMessage.switch(false));
    midi.fire("Keys", [0x90, 64, 100]); // not forwarded while disabled
    sim.runUntilIdle();

    expect(got).toEqual(["/midi/note_on ,iii 1 60 100", "/midi/note_off ,ii 2 62", "/midi/cc ,iii 1 7 64"]);
    expect(tool.vm.run("return stats.forwarded, stats.dropped")).toEqual([3, 1]);
    tool.unload();
  });
});
