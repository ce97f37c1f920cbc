import { describe, expect, it } from "vitest";
import { buildSong } from "../../src/renoise/song/fixture.js";

describe("song-level insert, delete and swap of instruments", () => {
  it("inserts at 1..#instruments+1, deletes all but the last, swaps, and the selection stays valid", () => {
    const song = buildSong({ instruments: ["a", "b"] });
    expect(() => song.insert_instrument_at(4)).toThrow(/out of range/);
    expect(() => song.insert_instrument_at(0)).toThrow(/out of range/);
    const c = song.insert_instrument_at(3);
    c.name = "c";
    song.swap_instruments_at(1, 3);
    expect(song.instruments.map((i) => i.name)).toEqual(["c", "b", "a"]);
    song.selected_instrument_index = 3;
    song.delete_instrument_at(3);
    expect(song.selected_instrument_index).toBe(2);
    song.delete_instrument_at(1);
    expect(() => song.delete_instrument_at(1)).toThrow(/at least one instrument/);
  });

  it("a new instrument: 8 macros in percent, one modulation set, no samples; volume up to +6 dB", () => {
    const song = buildSong({});
    const inst = song.insert_instrument_at(1);
    expect(inst.macros).toHaveLength(8);
    inst.macros[0]!.value_string = "22";
    expect(inst.macros[0]!.value).toBeCloseTo(0.22);
    expect(() => (inst.macros[0]!.value = 1.5)).toThrow(/out of range/);
    expect(inst.sample_modulation_sets).toHaveLength(1);
    expect(inst.samples).toHaveLength(0);
    inst.volume = Math.pow(10, 6 / 20);
    expect(() => (inst.volume = 2)).toThrow(/out of range/);
  });
});
