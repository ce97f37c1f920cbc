import { PatternValueError } from "./pattern-errors.js";
import type { AutomatableParameter, AutomationDevice } from "./automation.js";
import { PatternTrack, type TrackColumns } from "./pattern-track.js";

/** Renoise's `renoise.Pattern.MAX_NUMBER_OF_LINES`. */
export const MAX_NUMBER_OF_LINES = 512;

/** The `pos` a line notifier receives (1-based indices). */
export interface PatternLinePosition {
  pattern: number;
  track: number;
  line: number;
}

/** A line notifier (TypeScript form; Lua notifiers are bound by the tool host). */
export type LineNotifier = (pos: PatternLinePosition) => void;

/** What a pattern needs from the song. @internal */
export interface PatternHost {
  /** 1-based index of the pattern in the song (0 when it is not in a song). */
  patternIndex(p: Pattern): number;
  /** Told after every line change (trace summaries). */
  lineWritten?(p: Pattern, track: number, line: number): void;
  isColumnSelected?(p: Pattern, track: number, line: number, kind: "note" | "effect", column: number): boolean;
  /** The device of song track `track` that owns `parameter`, if any (automation). */
  deviceOf?(p: Pattern, track: number, parameter: AutomatableParameter): AutomationDevice | undefined;
}

const DETACHED: PatternHost = { patternIndex: () => 0 };

/**
 * `renoise.Pattern`: a name, a number of lines (1-512, 64 by default) and
 * one {@link PatternTrack} per song track. Line notifiers fire synchronously,
 * once per changed line, only when a value really changed.
 */
export class Pattern {
  private _name = "";
  private _lines = 64;
  private readonly _tracks: PatternTrack[] = [];
  private notifiers: LineNotifier[] = [];
  /** Listeners of name / number_of_lines changes (observables are bound on top). @internal */
  readonly changed = new Set<(what: "name" | "number_of_lines") => void>();

  constructor(
    columns: readonly TrackColumns[] = [],
    /** @internal */ public host: PatternHost = DETACHED,
  ) {
    for (const c of columns) this._tracks.push(new PatternTrack(this, c));
    this.reindex();
  }

  get name(): string {
    return this._name;
  }
  set name(v: string) {
    if (typeof v !== "string") throw new PatternValueError("Pattern.name: expected a string");
    if (v === this._name) return;
    this._name = v;
    for (const l of this.changed) l("name");
  }

  get number_of_lines(): number {
    return this._lines;
  }
  set number_of_lines(v: number) {
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new PatternValueError("Pattern.number_of_lines: expected a number");
    }
    const n = Math.trunc(v);
    if (n < 1 || n > MAX_NUMBER_OF_LINES) {
      throw new PatternValueError(
        `Pattern.number_of_lines: ${n} is out of range (1-${MAX_NUMBER_OF_LINES})`,
      );
    }
    if (n === this._lines) return;
    if (n < this._lines) for (const t of this._tracks) t.cells.truncate(n);
    this._lines = n;
    for (const l of this.changed) l("number_of_lines");
  }

  /** The pattern tracks, one per song track. */
  get tracks(): PatternTrack[] {
    return [...this._tracks];
  }

  /** One pattern track (1-based). */
  track(index: number): PatternTrack {
    const t = typeof index === "number" ? this._tracks[Math.trunc(index) - 1] : undefined;
    if (!t) {
      throw new PatternValueError(
        `Pattern:track: index ${String(index)} is out of range (1-${this._tracks.length})`,
      );
    }
    return t;
  }

  /** Whether every track's lines are empty (automation is not looked at). */
  get is_empty(): boolean {
    return this._tracks.every((t) => t.is_empty);
  }

  /** Empties every line of every track. */
  clear(): void {
    for (const t of this._tracks) t.clear();
  }

  /** Copies another pattern's number of lines and lines (not its name). */
  copy_from(other: Pattern): void {
    if (other === this) return;
    this.number_of_lines = other.number_of_lines;
    const n = Math.min(this._tracks.length, other._tracks.length);
    for (let i = 0; i < n; i++) this._tracks[i]!.copy_from(other._tracks[i]!);
  }

  // --- line notifiers (TypeScript form) --------------------------------------

  add_line_notifier(fn: LineNotifier): void {
    if (this.notifiers.includes(fn)) {
      throw new PatternValueError("Pattern:add_line_notifier: this notifier was already added");
    }
    this.notifiers = [...this.notifiers, fn];
  }

  remove_line_notifier(fn: LineNotifier): void {
    if (!this.notifiers.includes(fn)) {
      throw new PatternValueError("Pattern:remove_line_notifier: this notifier was not added");
    }
    this.notifiers = this.notifiers.filter((f) => f !== fn);
  }

  has_line_notifier(fn: LineNotifier): boolean {
    return this.notifiers.includes(fn);
  }

  /** @internal called by pattern tracks. */
  lineChanged(track: PatternTrack, line: number): void {
    this.host.lineWritten?.(this, track.index, line);
    const list = this.notifiers;
    if (list.length === 0) return;
    for (const fn of list) fn({ pattern: this.host.patternIndex(this), track: track.index, line });
  }

  /** @internal */
  isColumnSelected(track: PatternTrack, line: number, kind: "note" | "effect", column: number): boolean {
    return this.host.isColumnSelected?.(this, track.index, line, kind, column) ?? false;
  }

  /** @internal */
  deviceOf(track: PatternTrack, parameter: AutomatableParameter): AutomationDevice | undefined {
    return this.host.deviceOf?.(this, track.index, parameter);
  }

  // --- song structure (called by the song) ----------------------------------

  /** @internal a track was inserted in the song at `index`. */
  insertTrackAt(index: number, columns: TrackColumns): PatternTrack {
    const t = new PatternTrack(this, columns);
    this._tracks.splice(index - 1, 0, t);
    this.reindex();
    return t;
  }

  /** @internal a track was deleted from the song. */
  deleteTrackAt(index: number): void {
    this._tracks.splice(index - 1, 1);
    this.reindex();
  }

  /** @internal two tracks were swapped in the song. */
  swapTracksAt(a: number, b: number): void {
    const t = this._tracks[a - 1]!;
    this._tracks[a - 1] = this._tracks[b - 1]!;
    this._tracks[b - 1] = t;
    this.reindex();
  }

  private reindex(): void {
    this._tracks.forEach((t, i) => (t.index = i + 1));
  }
}
