import { defineModel, ModelObject } from "../document/model.js";
import type { Observable } from "../document/observable.js";
import type { AutomatableParameter, AutomationDevice } from "./automation.js";
import { PatternValueError } from "./pattern-errors.js";
import { PatternTrack, type TrackColumns } from "./pattern-track.js";

/** renoise.Pattern.MAX_NUMBER_OF_LINES. */
export const MAX_NUMBER_OF_LINES = 512;

/** The `pos` a line notifier receives (1-based indices). */
export interface PatternLinePosition {
  pattern: number;
  track: number;
  line: number;
}

/** A song track as a pattern sees it: its type decides the columns (`renoise.Track.TRACK_TYPE_*`). */
export interface TrackLike {
  readonly type: number;
}

/** Sequencer tracks have 12 note and 8 effect columns; group, send and master tracks 0 and 8. */
export function columnsOf(track: TrackLike): TrackColumns {
  return track.type === 1 ? SEQUENCER_COLUMNS : FX_ONLY_COLUMNS;
}
const SEQUENCER_COLUMNS: TrackColumns = { noteColumns: 12, effectColumns: 8 };
const FX_ONLY_COLUMNS: TrackColumns = { noteColumns: 0, effectColumns: 8 };

/** What a pattern reads from its song (duck-typed so that patterns stand alone in tests). @internal */
interface SongLike extends ModelObject {
  readonly tracks: readonly TrackLike[];
  readonly patterns: readonly Pattern[];
}

/**
 * `renoise.Pattern`: a name, a number of lines (1-512, 64 by default) and
 * one {@link PatternTrack} per song track (made on first use, keyed by the
 * song's track, so inserting, deleting or swapping tracks carries the data
 * along). Line notifiers fire synchronously, once per changed line, and only
 * when a value really changed.
 */
export class Pattern extends ModelObject {
  private readonly byTrack = new Map<TrackLike, PatternTrack>();
  private readonly keyOf = new Map<PatternTrack, TrackLike>();
  /** Tracks of a pattern that is not in a song (tests). @internal */
  _standaloneTracks: TrackLike[] | undefined;

  declare name: string;
  declare number_of_lines: number;
  declare readonly is_empty: boolean;
  declare readonly tracks: PatternTrack[];
  declare readonly name_observable: Observable;
  declare readonly number_of_lines_observable: Observable;

  constructor(number_of_lines = 64, name = "") {
    super();
    this._v.name = name;
    this._v.number_of_lines = number_of_lines;
  }

  /** A pattern outside a song with tracks of the given types (1 = sequencer, 2 = master, 3 = send, 4 = group). */
  static standalone(tracks: readonly (number | TrackLike)[], number_of_lines = 64): Pattern {
    const p = new Pattern(number_of_lines);
    p._standaloneTracks = tracks.map((t) => (typeof t === "number" ? { type: t } : t));
    return p;
  }

  /** @internal "patterns[i]". */
  override _path(): string {
    const i = this.patternIndex();
    return i > 0 ? `patterns[${i}]` : "pattern";
  }

  private song(): SongLike | undefined {
    const o = this._owner as SongLike | undefined;
    return o && Array.isArray(o.tracks) ? o : undefined;
  }

  /** 1-based index in the song, 0 outside a song. */
  patternIndex(): number {
    return (this.song()?.patterns.indexOf(this) ?? -1) + 1;
  }

  private songTracks(): readonly TrackLike[] {
    return this.song()?.tracks ?? this._standaloneTracks ?? [];
  }

  private patternTrack(t: TrackLike): PatternTrack {
    let pt = this.byTrack.get(t);
    if (!pt) {
      pt = new PatternTrack(this, columnsOf(t));
      this.byTrack.set(t, pt);
      this.keyOf.set(pt, t);
      this.followColumnSwaps(t);
    }
    return pt;
  }

  /** A track's note/effect column swap swaps that column's data in every pattern of the song. */
  private followColumnSwaps(t: TrackLike): void {
    const track = t as TrackLike & { _onColumnSwap?: (kind: "note" | "effect", a: number, b: number) => void };
    if (!("_onColumnSwap" in track) || track._onColumnSwap) return;
    const song = this.song();
    if (!song) return;
    track._onColumnSwap = (kind, a, b) => {
      for (const p of song.patterns) {
        const cells = p.byTrack.get(t)?.cells;
        if (kind === "note") cells?.swapNoteColumns(a, b);
        else cells?.swapEffectColumns(a, b);
      }
    };
  }

  /** @internal the pattern tracks, one per song track. */
  _tracks(): PatternTrack[] {
    return this.songTracks().map((t) => this.patternTrack(t));
  }

  /** One pattern track (1-based). */
  track(index: number): PatternTrack {
    const list = this.songTracks();
    const t = typeof index === "number" ? list[Math.trunc(index) - 1] : undefined;
    if (!t) {
      throw new PatternValueError(`Pattern:track: index ${String(index)} is out of range (1 - ${list.length})`);
    }
    return this.patternTrack(t);
  }

  /** @internal */
  trackIndexOf(pt: PatternTrack): number {
    const key = this.keyOf.get(pt);
    return key ? this.songTracks().indexOf(key) + 1 : 0;
  }

  /** Empties every line of every track and deletes the automation. */
  clear(): void {
    for (const [key, pt] of this.byTrack) if (this.songTracks().includes(key)) pt.clear();
  }

  /** Copies another pattern's number of lines, lines and automation (not its name). */
  copy_from(other: Pattern): void {
    if (other === this) return;
    this.number_of_lines = other.number_of_lines;
    const mine = this._tracks();
    const theirs = other._tracks();
    for (let i = 0; i < Math.min(mine.length, theirs.length); i++) mine[i]!.copy_from(theirs[i]!);
  }

  // --- line notifiers -------------------------------------------------------------

  /** Adds a line notifier: `fn(pos)` or a method `(obj, fn)` / `(fn, obj)`, as Renoise accepts. */
  add_line_notifier(...args: Parameters<Observable["add_notifier"]>): void {
    this._observable("line").add_notifier(...args);
  }
  remove_line_notifier(...args: Parameters<Observable["remove_notifier"]>): void {
    this._observable("line").remove_notifier(...args);
  }
  has_line_notifier(...args: Parameters<Observable["has_notifier"]>): boolean {
    return this._observable("line").has_notifier(...args);
  }

  /** @internal called by pattern tracks after a line changed. */
  lineChanged(pt: PatternTrack, line: number): void {
    this._context()?.lineWritten?.(this, pt, line);
    const obs = this._o?.line;
    if (obs?.entries) obs.notify({ pattern: this.patternIndex(), track: this.trackIndexOf(pt), line });
  }

  /** @internal is_selected of a column: the song's selected pattern, track, line and column. */
  isColumnSelected(pt: PatternTrack, line: number, kind: "note" | "effect", column: number): boolean {
    const s = this.song() as
      | (SongLike & {
          selected_pattern_index: number;
          selected_track_index: number;
          selected_line_index: number;
          selected_note_column_index: number;
          selected_effect_column_index: number;
        })
      | undefined;
    if (!s || s.patterns[s.selected_pattern_index - 1] !== this) return false;
    if (s.selected_track_index !== this.trackIndexOf(pt) || s.selected_line_index !== line) return false;
    return kind === "note" ? s.selected_note_column_index === column : s.selected_effect_column_index === column;
  }

  /** @internal the device of a track that owns a parameter (automation). */
  deviceOf(pt: PatternTrack, parameter: AutomatableParameter): AutomationDevice | undefined {
    type WithDevices = TrackLike & { devices?: readonly (AutomationDevice & { parameters?: readonly unknown[] })[] };
    const track: WithDevices | undefined = this.keyOf.get(pt);
    return track?.devices?.find((d) => d.parameters?.includes(parameter));
  }
}

defineModel(Pattern, {
  typeName: "Pattern",
  props: {
    name: { type: "string", observable: true },
    number_of_lines: {
      type: "integer",
      min: 1,
      max: MAX_NUMBER_OF_LINES,
      observable: true,
      // Read at every step of a pattern walk; changes only through the setter.
      luaCache: true,
      // Lines beyond a shorter length are dropped.
      set: (p, n: number) => {
        if (n < p.number_of_lines) for (const t of p._tracks()) t.cells.truncate(n);
        p.store("number_of_lines", n);
      },
    },
    is_empty: { type: "boolean", readonly: true, get: (p) => p._tracks().every((t) => t.cells.isEmpty(p.number_of_lines)) },
    // One pattern track per song track, the same object for a track for good: the list changes only when
    // song.tracks or song.patterns does (each moves the layout epoch).
    tracks: { type: "table", readonly: true, luaKeep: "layout", luaItem: "track", get: (p) => p._tracks() },
  },
  methods: ["clear", "copy_from", "track"],
  notifiers: { line: (p: Pattern) => p._observable("line") },
});
