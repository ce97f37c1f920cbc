import { describe, expect, it } from "vitest";
import { buildSong, createSimulation, TRACK_TYPE } from "../../src/index.js";

describe("a new song and song fixtures", () => {
  it("a new song has the documented defaults (docs/song.md)", () => {
    const song = createSimulation({ seed: 1 }).song;
    expect(song.tracks.map((t) => t.name)).toEqual([...Array.from({ length: 8 }, (_, i) => `Track 0${i + 1}`), "Master"]);
    expect([song.sequencer_track_count, song.send_track_count]).toEqual([8, 0]);
    expect(song.patterns.map((p) => p.number_of_lines)).toEqual([64]);
    expect(song.sequencer.pattern_sequence).toEqual([1]);
    expect(song.instruments.map((i) => i.name)).toEqual([""]);
    expect([song.name, song.artist, song.comments, song.file_name, song.tool_data]).toEqual(["", "", [""], "", undefined]);
    const t = song.transport;
    expect([t.bpm, t.lpb, t.tpl, t.timing_model, t.playing]).toEqual([120, 4, 12, 2, false]);
    expect([t.edit_mode, t.edit_step, t.octave, t.follow_player, t.wrapped_pattern_edit]).toEqual([false, 1, 4, true, true]);
    expect([t.metronome_beats_per_bar, t.metronome_lines_per_beat, t.metronome_precount_bars]).toEqual([4, 0, 1]);
    expect([t.record_quantize_lines, t.record_parameter_mode, t.keyboard_velocity]).toEqual([1, 1, 127]);
    expect(Math.round(Math.log10(t.track_headroom) * 20)).toBe(-6);
    expect(t.groove_amounts).toEqual([0, 0, 0, 0]);
    expect([song.selected_track_index, song.selected_instrument_index, song.selected_sequence_index, song.selected_line_index]).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it("a fixture places the master after the sequencer tracks and send tracks after the master", () => {
    const song = buildSong({ tracks: ["A", { name: "Verb", type: "send" }, "B"], patterns: [16], instruments: ["Piano"] });
    expect(song.tracks.map((t) => [t.name, t.type])).toEqual([
      ["A", TRACK_TYPE.SEQUENCER],
      ["B", TRACK_TYPE.SEQUENCER],
      ["Master", TRACK_TYPE.MASTER],
      ["Verb", TRACK_TYPE.SEND],
    ]);
    expect([song.send_track_count, song.patterns[0]!.number_of_lines, song.instruments[0]!.name]).toEqual([1, 16, "Piano"]);
  });
});
