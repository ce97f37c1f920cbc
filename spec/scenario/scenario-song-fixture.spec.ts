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

  it("a bad song fixture is rejected with the field and the model's reason", () => {
    expect(() => validateScenario({ song: { bpm: 1000 } })).toThrow(
      /scenario\.song.*invalid value for property 'bpm' of an object of type 'Transport': 1000 is out of range \(32 - 999\)/,
    );
    expect(() => validateScenario({ song: { tempo: 1 } })).toThrow(/scenario\.song.*unknown field "tempo"/);
  });
});
