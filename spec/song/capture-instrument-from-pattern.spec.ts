import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

describe("song:capture_instrument_from_pattern / capture_nearest_instrument_from_pattern", () => {
  function world() {
    const sim = createSimulation({ seed: 1, song: { instruments: 4 } });
    const song = sim.renoise.song();
    const track = song.selected_pattern.tracks[0]!;
    track.line(5).note_columns[0]!.instrument_value = 2; // instrument 3
    track.line(9).note_columns[0]!.instrument_value = 1; // instrument 2
    song.selected_track_index = 1;
    return song;
  }

  it("selects the instrument at the cursor, and leaves the selection when the cursor's cell is empty", () => {
    const song = world();
    song.selected_line_index = 5;
    song.capture_instrument_from_pattern();
    expect(song.selected_instrument_index).toBe(3);
    song.selected_line_index = 6;
    song.capture_instrument_from_pattern();
    expect(song.selected_instrument_index).toBe(3);
  });

  it("looks above and below for the nearest instrument, above first at equal distance", () => {
    const song = world();
    song.selected_line_index = 7;
    song.capture_nearest_instrument_from_pattern();
    expect(song.selected_instrument_index).toBe(3);
    song.selected_line_index = 8;
    song.capture_nearest_instrument_from_pattern();
    expect(song.selected_instrument_index).toBe(2);
  });
});
