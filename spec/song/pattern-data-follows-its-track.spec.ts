import { describe, expect, it } from "vitest";
import { buildSong } from "../../src/renoise/song/fixture.js";

describe("pattern data belongs to the song's track: swapping tracks carries it along", () => {
  it("swap_tracks_at moves the lines with the track; selection_in_pattern checks its ranges", () => {
    const song = buildSong({ tracks: 2 });
    song.pattern(1).track(1).fromText("C-4 01 .. ..");
    song.swap_tracks_at(1, 2);
    expect(song.pattern(1).track(2).toText({ to: 1 })).toBe("C-4 01 .. ..");
    expect(song.pattern(1).track(1).is_empty).toBe(true);

    song.selection_in_pattern = { start_line: 2, end_line: 4 };
    expect(song.selection_in_pattern).toEqual({ start_line: 2, start_track: 1, start_column: 1, end_line: 4, end_track: 3, end_column: 20 });
    expect(() => (song.selection_in_pattern = { start_line: 0 } as never)).toThrow(/out of range/);
    song.selection_in_pattern = [] as never;
    expect(song.selection_in_pattern).toBeUndefined();
  });
});

describe("pattern data follows a track's column swap", () => {
  it("swap_note_columns_at swaps the columns' data in every pattern", () => {
    const song = buildSong({ tracks: 1, patterns: 2 });
    song.pattern(1).track(1).fromText("C-4 01 .. ..  E-4 02 .. ..");
    song.pattern(2).track(1).fromText("D-4 01 .. ..");
    (song.tracks[0] as unknown as { swap_note_columns_at(a: number, b: number): void }).swap_note_columns_at(1, 2);
    expect(song.pattern(1).track(1).toText({ to: 1 })).toBe("E-4 02 .. ..  C-4 01 .. ..");
    expect(song.pattern(2).track(1).toText({ to: 1 })).toBe("--- .. .. ..  D-4 01 .. ..");
  });
});
