import { describe, expect, it } from "vitest";
import { playScenario } from "../../src/scenario/play.js";
import { validateScenario } from "../../src/scenario/validate.js";

describe("scenario files describe the song", () => {
  it("the simulation's song follows the scenario's song fixture", () => {
    const scenario = validateScenario({ song: { bpm: 98, tracks: ["Kick", "Bass"], patterns: [32, 16], name: "Demo" } });
    const { sim } = playScenario(scenario);
    const song = sim.renoise.song();
    expect(song.transport.bpm).toBe(98);
    expect(song.tracks.map((t) => t.name)).toEqual(["Kick", "Bass", "Master"]);
    expect(song.patterns.map((p) => p.number_of_lines)).toEqual([32, 16]);
    expect(song.sequencer.pattern_sequence).toEqual([1, 2]);
    expect(song.name).toBe("Demo");
  });

  it("a bad song fixture is rejected with the field and the reason (the schema's, or the model's when only building the song tells)", () => {
    expect(() => validateScenario({ song: { bpm: 1000 } })).toThrow(/scenario\.song\.bpm: expected a number <= 999, got 1000/);
    expect(() => validateScenario({ song: { tempo: 1 } })).toThrow(/scenario\.song\.tempo: unknown field/);
    expect(() => validateScenario({ song: { tracks: [{ name: "a", devices: ["Nope"] }] } })).toThrow(/^scenario\.song: track "a": devices: unknown device "Nope"/);
  });
});
