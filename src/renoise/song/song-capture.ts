import type { Song } from "./song.js";
import { TRACK_TYPE } from "./track.js";

const EMPTY_INSTRUMENT = 255;

/** The instrument value (0-based, or undefined) at a line of the selected pattern track, in the given note column or any. */
function instrumentAt(song: Song, line: number, column: number | undefined): number | undefined {
  const track = song.selected_pattern.tracks[song.selected_track_index - 1];
  if (!track) return undefined;
  const cols = track.line(line).note_columns;
  const list = column !== undefined ? [cols[column - 1]] : cols;
  for (const c of list) {
    if (c && c.instrument_value !== EMPTY_INSTRUMENT) return c.instrument_value;
  }
  return undefined;
}

function select(song: Song, value: number | undefined): void {
  if (value !== undefined && value + 1 <= song.instruments.length) song.selected_instrument_index = value + 1;
}

/**
 * `capture_instrument_from_pattern()`: selects the instrument at the edit
 * cursor (selected line and note column of the selected pattern track), if
 * there is one. Does nothing on tracks without note columns.
 */
export function captureInstrumentFromPattern(song: Song): void {
  if (song.selected_track.type !== TRACK_TYPE.SEQUENCER) return;
  const column = song.selected_note_column_index > 0 ? song.selected_note_column_index : undefined;
  select(song, instrumentAt(song, song.selected_line_index, column));
}

/**
 * `capture_nearest_instrument_from_pattern()`: like the above, but when the
 * cursor's line has no instrument, looks at the lines above and below,
 * nearest first (above before below at equal distance), in any note column.
 */
export function captureNearestInstrumentFromPattern(song: Song): void {
  if (song.selected_track.type !== TRACK_TYPE.SEQUENCER) return;
  const lines = song.selected_pattern.number_of_lines;
  const at = song.selected_line_index;
  for (let d = 0; d < lines; d++) {
    for (const l of d === 0 ? [at] : [at - d, at + d]) {
      if (l < 1 || l > lines) continue;
      const v = instrumentAt(song, l, undefined);
      if (v !== undefined) return select(song, v);
    }
  }
}
