/**
 * The song-level parts of patterns and instruments: `selection_in_pattern`,
 * `selected_pattern_track` / `selected_line` / `selected_*_column`,
 * `selected_sample`, `selected_phrase`, and insert / delete / swap of
 * instruments. Spread into the Song's declaration (song.ts).
 */
import { checkIndex, ModelError, type PropDef } from "../document/model.js";
import { Instrument } from "./instrument.js";
import type { Song } from "./song.js";

/** Renoise's maximum number of instruments. */
export const MAX_INSTRUMENTS = 255;

interface PatternSelection {
  start_line: number;
  start_track: number;
  start_column: number;
  end_line: number;
  end_track: number;
  end_column: number;
}

/** Per-song state of this module (kept off the Song class). */
const selections = new WeakMap<Song, PatternSelection | undefined>();
const sampleIndex = new WeakMap<Song, number>();
const phraseIndex = new WeakMap<Song, number>();

/** Note plus effect columns of a sequencer track: the column range of a pattern selection. */
const MAX_SELECTION_COLUMN = 12 + 8;

function readSelection(s: Song, v: unknown): PatternSelection | undefined {
  if (Array.isArray(v) && v.length === 0) return undefined;
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new ModelError("selection_in_pattern: expected a table {start_line=, start_track=, start_column=, end_line=, end_track=, end_column=} or {}");
  }
  const o = v as Partial<Record<keyof PatternSelection, unknown>>;
  const lines = s.selected_pattern.number_of_lines;
  const tracks = s.tracks.length;
  const pick = (k: keyof PatternSelection, def: number, max: number): number => {
    const x = o[k] ?? def;
    if (typeof x !== "number" || !Number.isInteger(x) || x < 1 || x > max) {
      throw new ModelError(`selection_in_pattern: ${k} ${typeof x === "number" ? x : typeof x} is out of range (1 - ${max})`);
    }
    return x;
  };
  const sel: PatternSelection = {
    start_line: pick("start_line", 1, lines),
    start_track: pick("start_track", 1, tracks),
    start_column: pick("start_column", 1, MAX_SELECTION_COLUMN),
    end_line: pick("end_line", lines, lines),
    end_track: pick("end_track", tracks, tracks),
    end_column: pick("end_column", MAX_SELECTION_COLUMN, MAX_SELECTION_COLUMN),
  };
  if (sel.end_line < sel.start_line || sel.end_track < sel.start_track) {
    throw new ModelError("selection_in_pattern: the end must not be before the start");
  }
  return sel;
}

/** The selected instrument's selected sample index (0 when it has no samples). */
function sampleOf(s: Song): number {
  const n = s.selected_instrument.samples.length;
  const i = sampleIndex.get(s) ?? 1;
  return n === 0 ? 0 : Math.min(Math.max(i, 1), n);
}

function phraseOf(s: Song): number {
  const n = s.selected_instrument.phrases.length;
  const i = phraseIndex.get(s) ?? 1;
  return n === 0 ? 0 : Math.min(Math.max(i, 1), n);
}

/** Properties added to renoise.Song. */
export const PATTERN_SONG_PROPS: Record<string, PropDef<Song>> = {
  selection_in_pattern: {
    type: "object",
    nullable: true,
    get: (s) => {
      const sel = selections.get(s);
      return sel ? { ...sel } : undefined;
    },
    set: (s, v: unknown) => {
      const sel = v === undefined ? undefined : readSelection(s, v);
      selections.set(s, sel);
      s._context()?.changed("selection_in_pattern", undefined, sel ? `${sel.start_line}-${sel.end_line}` : undefined);
    },
  },
  selected_pattern_track: {
    type: "object",
    readonly: true,
    get: (s) => s.selected_pattern.track(s.selected_track_index),
  },
  selected_line: {
    type: "object",
    readonly: true,
    get: (s) => s.selected_pattern.track(s.selected_track_index).line(s.selected_line_index),
  },
  selected_note_column: {
    type: "object",
    readonly: true,
    nullable: true,
    get: (s) => {
      const i = s.selected_note_column_index;
      const line = s.selected_pattern.track(s.selected_track_index).line(s.selected_line_index);
      return i > 0 && i <= line.note_columns.length ? line.note_column(i) : undefined;
    },
  },
  selected_effect_column: {
    type: "object",
    readonly: true,
    nullable: true,
    get: (s) => {
      const i = s.selected_effect_column_index;
      const line = s.selected_pattern.track(s.selected_track_index).line(s.selected_line_index);
      return i > 0 && i <= line.effect_columns.length ? line.effect_column(i) : undefined;
    },
  },
  selected_sample_index: {
    type: "integer",
    observable: true,
    get: (s) => sampleOf(s),
    set: (s, i: number) => {
      checkIndex("selected_sample_index", i, s.selected_instrument.samples.length);
      if (sampleIndex.get(s) === i) return;
      sampleIndex.set(s, i);
      s._context()?.changed("selected_sample_index", undefined, i);
      s._notify("selected_sample_index");
      s._notify("selected_sample");
    },
  },
  selected_sample: {
    type: "object",
    readonly: true,
    nullable: true,
    observable: true,
    get: (s) => s.selected_instrument.samples[sampleOf(s) - 1],
  },
  selected_phrase_index: {
    type: "integer",
    observable: true,
    get: (s) => phraseOf(s),
    set: (s, i: number) => {
      checkIndex("selected_phrase_index", i, s.selected_instrument.phrases.length);
      phraseIndex.set(s, i);
      s._notify("selected_phrase_index");
      s._notify("selected_phrase");
    },
  },
  selected_phrase: {
    type: "object",
    readonly: true,
    nullable: true,
    observable: true,
    get: (s) => s.selected_instrument.phrases[phraseOf(s) - 1],
  },
};

/** Methods added to renoise.Song. */
export const PATTERN_SONG_METHODS = ["insert_instrument_at", "delete_instrument_at", "swap_instruments_at"];

/** `song:insert_instrument_at(index)`: a new, empty instrument at 1..#instruments+1. */
export function insertInstrumentAt(s: Song, index: number): Instrument {
  const i = checkIndex("insert_instrument_at", index, s.instruments.length + 1);
  if (s.instruments.length >= MAX_INSTRUMENTS) {
    throw new ModelError(`insert_instrument_at: a song has at most ${MAX_INSTRUMENTS} instruments`);
  }
  s._called("insert_instrument_at", [index]);
  const inst = s._insertInstrument(i, new Instrument(""));
  const sel = s.selected_instrument_index;
  if (i <= sel && sel < s.instruments.length) s.selected_instrument_index = sel + 1;
  return inst;
}

/** `song:delete_instrument_at(index)`: a song keeps at least one instrument. */
export function deleteInstrumentAt(s: Song, index: number): void {
  const i = checkIndex("delete_instrument_at", index, s.instruments.length);
  if (s.instruments.length === 1) throw new ModelError("delete_instrument_at: a song has at least one instrument");
  s._called("delete_instrument_at", [index]);
  const sel = s.selected_instrument_index;
  if (sel > i || sel === s.instruments.length) s.selected_instrument_index = Math.max(1, sel - 1);
  const gone = s._instruments.removeAt(i);
  gone._owner = undefined;
}

/** `song:swap_instruments_at(a, b)`. */
export function swapInstrumentsAt(s: Song, a: number, b: number): void {
  const i = checkIndex("swap_instruments_at", a, s.instruments.length);
  const j = checkIndex("swap_instruments_at", b, s.instruments.length);
  s._called("swap_instruments_at", [a, b]);
  if (i !== j) s._instruments.swap(i, j);
}
