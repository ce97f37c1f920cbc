import { describe, expect, it } from "vitest";
import { createSimulation, ModelError } from "../../src/index.js";

describe("bad input never changes the song", () => {
  it("out of range, wrong type and read-only raise ModelError and leave the value; same value notifies nothing", () => {
    const sim = createSimulation({ seed: 1 });
    const t = sim.song.transport;
    let notified = 0;
    t.lpb_observable.add_notifier(() => notified++);
    expect(() => (t.lpb = 0)).toThrow(ModelError);
    expect(() => (t.lpb = 2.5)).toThrow(/not a whole number/);
    expect(() => ((t as unknown as { lpb: string }).lpb = "8")).toThrow(/number expected, got string/);
    expect(() => ((t as unknown as { song_length: number }).song_length = 1)).toThrow(/read-only/);
    expect(() => (t.octave = 9)).toThrow(/out of range \(0 - 8\)/);
    expect(() => (t.track_headroom = 1.2)).toThrow(ModelError);
    expect(() => (sim.song.selected_track_index = 10)).toThrow(/out of range \(1 - 9\)/);
    expect(() => sim.song.sequencer.insert_sequence_at(3, 1)).toThrow(/index 3 is out of range \(1 - 2\)/);
    t.lpb = 4;
    expect([t.lpb, t.octave, notified]).toEqual([4, 4, 0]);
    expect(sim.events.filter((e) => e.kind === "song.set")).toEqual([]);
  });

  it("a Lua notifier's error goes to the Lua line that made the change", async () => {
    const { loadLuaTool } = await import("../../src/index.js");
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          renoise.song().transport.octave_observable:add_notifier(function() error("boom") end)
          function change() renoise.song().transport.octave = 5 end`,
      },
    });
    const [ok, err] = tool.vm.run("return pcall(change)");
    expect(ok).toBe(false);
    expect(err).toMatch(/boom/);
    expect(sim.song.transport.octave).toBe(5); // the change itself was made
    tool.unload();
  });
});
