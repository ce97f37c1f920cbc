import { describe, expect, it } from "vitest";
import { checkInvariants, createSimulation, type Invariant } from "../../src/index.js";

const tempoKept: Invariant = {
  name: "tempo-kept",
  rule: "tool",
  description: "the tool never leaves the song faster than 160 bpm",
  check: (run) => (run.song && run.song.transport.bpm > 160 ? [`bpm is ${run.song.transport.bpm}`] : []),
};

describe("property kit invariants can read the song", () => {
  it("an invariant sees the run's song and reports what it found", () => {
    const sim = createSimulation({ seed: 1 });
    const run = { events: sim.events, calls: [], song: sim.song };
    expect(checkInvariants(run, [tempoKept])).toEqual([]);
    sim.song.transport.bpm = 170;
    expect(checkInvariants(run, [tempoKept])).toEqual([{ invariant: "tempo-kept", rule: "tool", message: "bpm is 170" }]);
  });
});
