import { checkIndex, defineModel, ModelError, modelEpoch, ModelObject, type ModelContext } from "../document/model.js";
import { ObservableList } from "../document/observable-list.js";
import type { Observable } from "../document/observable.js";
import { Instrument } from "./instrument.js";
import { Pattern } from "./pattern.js";
import type { PatternTrack } from "./pattern-track.js";
import type { PatternLine } from "./line.js";
import type { Sample } from "./sample.js";
import { deleteInstrumentAt, insertInstrumentAt, PATTERN_SONG_METHODS, PATTERN_SONG_PROPS, swapInstrumentsAt } from "./pattern-song.js";
import { MAX_PATTERNS, PatternSequencer } from "./sequencer.js";
import { SongSelection } from "./selection.js";
import { SongHistory } from "./song-history.js";
import { Track, TRACK_TYPE, type GroupTrack } from "./track.js";
import {
  addTrackToGroup,
  deleteGroupAt,
  deleteTrackAt,
  insertGroupAt,
  insertTrackAt,
  removeTrackFromGroup,
  sequencerTrackCount,
  swapTracksAt,
} from "./track-list.js";
import { TRACK_SELECTION_PROPS } from "./track-selection.js";
import { captureInstrumentFromPattern, captureNearestInstrumentFromPattern } from "./song-capture.js";
import { Transport } from "./transport.js";

/**
 * renoise.Song: the song a tool drives — one object tree that TypeScript
 * tests read directly and Lua tools see through `renoise.song()`.
 * This file composes the parts; each lives in its own file.
 */
export class Song extends ModelObject {
  readonly transport: Transport;
  readonly sequencer: PatternSequencer;
  /** @internal */ readonly _tracks = new ObservableList<Track>();
  /** @internal */ readonly _patterns = new ObservableList<Pattern>();
  /** @internal */ readonly _instruments = new ObservableList<Instrument>();
  /** @internal */ readonly _selection = new SongSelection(this);
  /** @internal */ readonly _history = new SongHistory(this);

  declare name: string;
  declare artist: string;
  declare comments: string[];
  declare readonly file_name: string;
  declare tool_data: string | undefined;
  declare readonly tracks: readonly Track[];
  declare readonly patterns: readonly Pattern[];
  declare readonly instruments: readonly Instrument[];
  declare readonly sequencer_track_count: number;
  declare readonly send_track_count: number;
  declare readonly tracks_observable: ObservableList<Track>;
  declare readonly patterns_observable: ObservableList<Pattern>;
  declare readonly instruments_observable: ObservableList<Instrument>;
  declare readonly name_observable: Observable;
  declare readonly artist_observable: Observable;
  declare readonly comments_observable: Observable;
  declare readonly comments_assignment_observable: Observable;

  // Pattern and instrument selection (pattern-song.ts).
  declare selection_in_pattern: Record<string, number> | undefined;
  declare readonly selected_pattern_track: PatternTrack;
  declare readonly selected_line: PatternLine;
  declare selected_sample_index: number;
  declare readonly selected_sample: Sample | undefined;
  declare selected_track_index: number;
  declare selected_track: Track;
  declare selected_pattern_index: number;
  declare readonly selected_pattern: Pattern;
  declare selected_sequence_index: number;
  declare selected_instrument_index: number;
  declare selected_instrument: Instrument;
  declare selected_line_index: number;
  declare selected_note_column_index: number;
  declare selected_effect_column_index: number;
  declare readonly selected_track_index_observable: Observable;
  declare readonly selected_track_observable: Observable;
  declare readonly selected_pattern_index_observable: Observable;
  declare readonly selected_pattern_observable: Observable;
  declare readonly selected_sequence_index_observable: Observable;
  declare readonly selected_instrument_index_observable: Observable;
  declare readonly selected_instrument_observable: Observable;

  constructor() {
    super();
    this.transport = new Transport(this);
    this.sequencer = new PatternSequencer(this);
    Object.assign(this._v, { name: "", artist: "", comments: [""], file_name: "", tool_data: undefined });
  }

  /** Attaches the driver (trace, clock, notifier delivery). @internal */
  attach(ctx: ModelContext | undefined): void {
    this._ctx = ctx && {
      ...ctx,
      changed(path, old, value) {
        modelEpoch.n++;
        ctx.changed(path, old, value);
      },
      called(path, args) {
        modelEpoch.n++;
        ctx.called(path, args);
      },
    };
  }

  // ------------------------------------------------------------- tracks

  /** @internal adds a track at a 1-based index (no placement rules; the tracks module checks them). */
  _insertTrack(index: number, track: Track): Track {
    track._owner = this;
    this._tracks.insertAt(index, track);
    return track;
  }

  /** @internal */
  _removeTrack(index: number): Track {
    return this._tracks.removeAt(index);
  }

  // ------------------------------------------------------------- patterns

  /** @internal appends a new empty pattern (64 lines); returns its index. */
  _appendPattern(lines = 64): number {
    if (this._patterns.items.length >= MAX_PATTERNS) throw new ModelError(`the song has the maximum of ${MAX_PATTERNS} patterns`);
    const p = new Pattern(lines);
    p._owner = this;
    this._patterns.insertAt(this._patterns.items.length + 1, p);
    return this._patterns.items.length;
  }

  /** @internal makes sure patterns 1..n exist. */
  _ensurePatterns(n: number): void {
    while (this._patterns.items.length < n) this._appendPattern();
  }

  /** @internal appends a copy of a pattern; returns the copy's index. */
  _clonePattern(index: number): number {
    const src = this._patterns.items[index - 1]!;
    const i = this._appendPattern(src.number_of_lines);
    const copy = this._patterns.items[i - 1]! as Pattern & { copy_from?: (p: Pattern) => void };
    if (typeof copy.copy_from === "function") copy.copy_from(src);
    else copy.name = src.name;
    return i;
  }

  /** @internal puts the patterns in a new order (`order[k]` = old index of new pattern k+1). */
  _reorderPatterns(order: number[]): void {
    this._patterns.reorder(order);
  }

  /** Lines of the pattern at a sequence slot. */
  patternLengthAt(sequence_index: number): number {
    const p = this.sequencer._slots[sequence_index - 1]?.pattern ?? 1;
    return this._patterns.items[p - 1]?.number_of_lines ?? 64;
  }

  /** Lines of the whole sequence. */
  totalLines(): number {
    let n = 0;
    for (let s = 1; s <= this.sequencer._slots.length; s++) n += this.patternLengthAt(s);
    return n;
  }

  // ------------------------------------------------------------- instruments

  /** @internal */
  _insertInstrument(index: number, instrument: Instrument): Instrument {
    instrument._owner = this;
    this._instruments.insertAt(index, instrument);
    return instrument;
  }

  /** A new, empty instrument at 1..#instruments+1 (pattern-song.ts). */
  insert_instrument_at(index: number): Instrument {
    return insertInstrumentAt(this, index);
  }
  delete_instrument_at(index: number): void {
    deleteInstrumentAt(this, index);
  }
  swap_instruments_at(index1: number, index2: number): void {
    swapInstrumentsAt(this, index1, index2);
  }

  // Song-level track operations (rules in track-layout.ts, commits in track-list.ts).
  insert_track_at(index: number): Track {
    return insertTrackAt(this, index);
  }
  delete_track_at(index: number): void {
    deleteTrackAt(this, index);
  }
  swap_tracks_at(index1: number, index2: number): void {
    swapTracksAt(this, index1, index2);
  }
  insert_group_at(index: number): GroupTrack {
    return insertGroupAt(this, index);
  }
  add_track_to_group(track_index: number, group_index: number): void {
    addTrackToGroup(this, track_index, group_index);
  }
  remove_track_from_group(track_index: number): void {
    removeTrackFromGroup(this, track_index);
  }
  delete_group_at(index: number): void {
    deleteGroupAt(this, index);
  }

  /** The track at a 1-based index (raises like Renoise for a bad index). */
  track(index: number): Track {
    return this._tracks.items[checkIndex("track", index, this._tracks.items.length) - 1]!;
  }

  /** The pattern at a 1-based index. */
  pattern(index: number): Pattern {
    return this._patterns.items[checkIndex("pattern", index, this._patterns.items.length) - 1]!;
  }

  /** The instrument at a 1-based index. */
  instrument(index: number): Instrument {
    return this._instruments.items[checkIndex("instrument", index, this._instruments.items.length) - 1]!;
  }

  // ------------------------------------------------------------- history, triggers

  undo(): void {
    this._history.undo();
  }
  redo(): void {
    this._history.redo();
  }
  can_undo(): boolean {
    return this._history.canUndo();
  }
  can_redo(): boolean {
    return this._history.canRedo();
  }
  describe_undo(description: string): void {
    this._history.describe(description);
  }
  describe_batch_undo(description: string, timeout_ms?: number): void {
    this._history.describe(description, timeout_ms);
  }

  /** Selects the instrument at the edit cursor in the selected pattern track (see song-capture.ts). */
  capture_instrument_from_pattern(): void {
    captureInstrumentFromPattern(this);
  }

  /** Selects the instrument nearest to the edit cursor in the selected pattern track (see song-capture.ts). */
  capture_nearest_instrument_from_pattern(): void {
    captureNearestInstrumentFromPattern(this);
  }

  trigger_instrument_note_on(instrument_index: number, track_index: number, note: number | number[], volume?: number): void {
    this._history.trigger("trigger_instrument_note_on", [instrument_index, track_index, note, volume]);
  }
  trigger_instrument_note_off(instrument_index: number, track_index: number, note: number | number[]): void {
    this._history.trigger("trigger_instrument_note_off", [instrument_index, track_index, note]);
  }
  trigger_sample_note_on(
    instrument_index: number,
    sample_index: number,
    track_index: number,
    note: number,
    volume?: number,
    use_selection?: boolean,
  ): void {
    this._history.trigger("trigger_sample_note_on", [instrument_index, sample_index, track_index, note, volume, use_selection]);
  }
  trigger_sample_note_off(instrument_index: number, sample_index: number, track_index: number, note: number): void {
    this._history.trigger("trigger_sample_note_off", [instrument_index, sample_index, track_index, note]);
  }
}

const countTracks = (s: Song, type: number): number => s._tracks.items.filter((t) => t.type === type).length;

defineModel(Song, {
  typeName: "Song",
  props: {
    transport: { type: "object", readonly: true, luaKeep: "constant", get: (s) => s.transport },
    sequencer: { type: "object", readonly: true, luaKeep: "constant", get: (s) => s.sequencer },
    name: { type: "string", observable: true },
    artist: { type: "string", observable: true },
    comments: {
      type: "table",
      observable: true,
      check: (_s, v: unknown[]) => (v.every((x) => typeof x === "string") ? undefined : "comments: a table of strings is expected"),
      set: (s, v: string[]) => {
        const old = s._v.comments as string[];
        if (old.length === v.length && old.every((x, i) => x === v[i])) return;
        s.store("comments", [...v]);
        s._notify("comments_assignment");
      },
    },
    file_name: { type: "string", readonly: true },
    tool_data: { type: "string", nullable: true },
    tracks: { type: "table", readonly: true, luaKeep: "layout", luaItem: "track", get: (s) => s._tracks.items },
    patterns: { type: "table", readonly: true, luaKeep: "layout", luaItem: "pattern", get: (s) => s._patterns.items },
    instruments: { type: "table", readonly: true, luaKeep: "layout", luaItem: "instrument", get: (s) => s._instruments.items },
    sequencer_track_count: { type: "integer", readonly: true, get: (s) => sequencerTrackCount(s) },
    send_track_count: { type: "integer", readonly: true, get: (s) => countTracks(s, TRACK_TYPE.SEND) },
    tracks_observable: { type: "object", readonly: true, luaKeep: "constant", get: (s) => s._tracks },
    patterns_observable: { type: "object", readonly: true, luaKeep: "constant", get: (s) => s._patterns },
    instruments_observable: { type: "object", readonly: true, luaKeep: "constant", get: (s) => s._instruments },
    ...SongSelection.props,
    ...TRACK_SELECTION_PROPS,
    ...PATTERN_SONG_PROPS,
  },
  observables: ["comments_assignment_observable"],
  methods: [
    "track",
    "insert_track_at",
    "delete_track_at",
    "swap_tracks_at",
    "insert_group_at",
    "add_track_to_group",
    "remove_track_from_group",
    "delete_group_at",
    "pattern",
    "instrument",
    "undo",
    "redo",
    "can_undo",
    "can_redo",
    "describe_undo",
    "describe_batch_undo",
    "capture_instrument_from_pattern",
    "capture_nearest_instrument_from_pattern",
    "trigger_instrument_note_on",
    "trigger_instrument_note_off",
    "trigger_sample_note_on",
    "trigger_sample_note_off",
    ...PATTERN_SONG_METHODS,
  ],
});

/** A song as Renoise creates a new one (see docs/song.md: defaults). */
export function newSong(): Song {
  const song = new Song();
  song._appendPattern(64);
  for (let i = 1; i <= 8; i++) song._insertTrack(i, new Track(TRACK_TYPE.SEQUENCER, `Track ${String(i).padStart(2, "0")}`));
  song._insertTrack(9, new Track(TRACK_TYPE.MASTER, "Master"));
  song._insertInstrument(1, new Instrument(""));
  return song;
}
