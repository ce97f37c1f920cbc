import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

describe("song changes in the trace", () => {
  it("records song.set with path, old and new value and cause; song.call for start; nothing when traceSong is off", () => {
    const sim = createSimulation({ seed: 1 });
    sim.song.transport.bpm = 150;
    sim.song.transport.start(1);
    const events = sim.events.filter((e) => e.kind.startsWith("song."));
    expect(events.map((e) => [e.kind, e.path, e.old ?? null, e.value ?? null, e.cause])).toEqual([
      ["song.set", "transport.bpm", 120, 150, "test"],
      ["song.call", "transport.start", null, null, "test"],
      ["song.set", "transport.playing", false, true, "test"],
    ]);
    sim.traceSong = false;
    sim.song.transport.bpm = 151;
    expect(sim.events.filter((e) => e.kind.startsWith("song.")).length).toBe(3);
  });

  it("does not record a set that changes nothing", () => {
    const sim = createSimulation({ seed: 1 });
    sim.song.transport.bpm = 120;
    expect(sim.events.filter((e) => e.kind === "song.set")).toEqual([]);
  });
});
