import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { startOscServer } from "../../src/tool/osc-server.js";

describe("a Lua tool that plays notes through Renoise's own OSC server (fixtures/tools/osc-note-sender)", () => {
  it("sends one note every 250 ms for the selected instrument and track, then the note-offs", async () => {
    const sim = createSimulation({ seed: 1, song: { tracks: 4, instruments: 3 } });
    const server = await startOscServer(sim);
    const song = sim.renoise.song();
    song.selected_track_index = 3;
    song.selected_instrument_index = 2;
    const tool = await loadLuaTool(sim, { dir: "fixtures/tools/osc-note-sender" });
    tool.invokeMenu("Main Menu:Tools:OSC Note Sender:Play Phrase");
    sim.advance(2000);
    expect(server.triggered).toEqual([
      { kind: "note_on", time: 250, instrument: 2, track: 3, note: 48, velocity: 100 },
      { kind: "note_on", time: 500, instrument: 2, track: 3, note: 52, velocity: 100 },
      { kind: "note_on", time: 750, instrument: 2, track: 3, note: 55, velocity: 100 },
      { kind: "note_off", time: 1000, instrument: 2, track: 3, note: 48 },
      { kind: "note_off", time: 1000, instrument: 2, track: 3, note: 52 },
      { kind: "note_off", time: 1000, instrument: 2, track: 3, note: 55 },
    ]);
    expect(server.log.every((e) => e.outcome === "accepted")).toBe(true);
    tool.unload();
    server.stop();
  });

  it("shows Renoise's warning when nothing can be reached (server off: UDP sends go nowhere, nothing is triggered)", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { dir: "fixtures/tools/osc-note-sender" });
    tool.invokeMenu("Main Menu:Tools:OSC Note Sender:Play Phrase");
    sim.advance(2000);
    expect(sim.events.filter((e) => e.kind.startsWith("osc_server."))).toEqual([]);
    expect(sim.events.filter((e) => e.kind === "udp.drop" || e.kind === "drop").length).toBeGreaterThan(0);
    tool.unload();
  });
});
