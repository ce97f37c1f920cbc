import { describe, expect, it } from "vitest";
import { buildSong } from "../../src/renoise/song/fixture.js";

describe("a song fixture's tracks can carry devices, mute, solo, colour, delay and mixer settings", () => {
  it("builds devices by name or path with their settings, after the mixer device", () => {
    const song = buildSong({
      tracks: [
        {
          name: "Drums",
          mute: "muted",
          color: [255, 12, 88],
          output_delay: -5,
          volume: "-6 dB",
          panning: 0.25,
          devices: ["Audio/Effects/Native/Delay", { device: "Gainer", display_name: "Duck", active: false, parameters: { Gain: "-INF dB", Panning: 1 } }],
        },
        { name: "FX", type: "send", devices: ["#Line Input"] },
      ],
    });
    const drums = song.tracks[0]!;
    expect(drums.devices.map((d) => d.display_name)).toEqual(["TrackVolPan", "Delay", "Duck"]);
    expect(drums.devices[2]!.is_active).toBe(false);
    expect(drums.devices[2]!.parameters.map((p) => p.value)).toEqual([0, 1]);
    expect(drums.mute_state).toBe(3);
    expect(drums.color).toEqual([255, 12, 88]);
    expect(drums.output_delay).toBe(-5);
    expect(drums.prefx_volume.value_string).toBe("-6.000 dB");
    expect(drums.prefx_panning.value).toBe(0.25);
    const fx = song.tracks[song.tracks.length - 1]!;
    expect([fx.name, fx.type, fx.devices[1]!.name]).toEqual(["FX", 3, "#Line Input"]);
  });

  it("names the track and the bad field when a detail is wrong", () => {
    expect(() => buildSong({ tracks: [{ name: "A", devices: ["Reverb 9000"] }] })).toThrow(/track "A": devices: unknown device "Reverb 9000"/);
    expect(() => buildSong({ tracks: [{ name: "A", devices: [{ device: "Gainer", parameters: { Loudness: 1 } }] }] })).toThrow(
      /"Gainer" has no parameter "Loudness" \(it has "Gain", "Panning"\)/,
    );
    expect(() => buildSong({ tracks: [{ name: "A", volume: 9 }] })).toThrow(/track "A": invalid value for property 'value'/);
    expect(() => buildSong({ tracks: [{ name: "A", colour: [1, 2, 3] } as never] })).toThrow(/unknown field "colour"/);
    expect(() => buildSong({ tracks: [{ name: "S", type: "send", output_delay: 3 }] })).toThrow(/only sequencer tracks have an output delay/);
  });
});
