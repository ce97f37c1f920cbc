/**
 * Compact storage of the lines of one pattern track (or phrase): one
 * `Uint16Array` per line that ever held data, nothing for an empty line.
 * A 256-pattern × 16-track × 64-line song that is mostly empty costs a few
 * sparse arrays, not 262 144 line objects.
 *
 * Layout of a stored line: `noteColumns` × 7 note fields, then
 * `effectColumns` × 2 effect fields (offsets below).
 */
import { EMPTY_INSTRUMENT, EMPTY_NOTE, EMPTY_PANNING, EMPTY_VOLUME } from "./note-column-values.js";

/** Field offsets inside a note column. */
export const NOTE = 0;
export const INSTRUMENT = 1;
export const VOLUME = 2;
export const PANNING = 3;
export const DELAY = 4;
export const NC_EFFECT_NUMBER = 5;
export const NC_EFFECT_AMOUNT = 6;
/** Fields per note column. */
export const NOTE_FIELDS = 7;
/** Field offsets inside an effect column. */
export const EFFECT_NUMBER = 0;
export const EFFECT_AMOUNT = 1;
/** Fields per effect column. */
export const EFFECT_FIELDS = 2;

const NOTE_EMPTY = [EMPTY_NOTE, EMPTY_INSTRUMENT, EMPTY_VOLUME, EMPTY_PANNING, 0, 0, 0] as const;

/** Called after a line's content changed (1-based line index). */
export type LineChangeHook = (line: number) => void;

const templates = new Map<string, Uint16Array>();
function template(noteColumns: number, effectColumns: number): Uint16Array {
  const key = `${noteColumns}/${effectColumns}`;
  let t = templates.get(key);
  if (!t) {
    t = new Uint16Array(noteColumns * NOTE_FIELDS + effectColumns * EFFECT_FIELDS);
    for (let c = 0; c < noteColumns; c++) t.set(NOTE_EMPTY, c * NOTE_FIELDS);
    templates.set(key, t);
  }
  return t;
}

/** Lines of one pattern track or phrase, indexed 1..512. */
export class LineStore {
  /** Sparse: `rows[line]` is undefined for a line that is empty. */
  private rows: (Uint16Array | undefined)[] = [];
  private readonly empty: Uint16Array;
  /** Offset of the first effect column field. */
  readonly effectBase: number;
  /** Set by the owner: told about every change. */
  onChange: LineChangeHook | undefined;

  constructor(
    readonly noteColumns: number,
    readonly effectColumns: number,
  ) {
    this.empty = template(noteColumns, effectColumns);
    this.effectBase = noteColumns * NOTE_FIELDS;
  }

  /** Value of field `offset` on `line` (1-based). */
  get(line: number, offset: number): number {
    const row = this.rows[line];
    return row === undefined ? this.empty[offset]! : row[offset]!;
  }

  /** Sets one field; returns whether it changed (and tells the owner). */
  set(line: number, offset: number, value: number): boolean {
    let row = this.rows[line];
    if (row === undefined) {
      if (this.empty[offset] === value) return false;
      row = this.rows[line] = this.empty.slice();
    } else if (row[offset] === value) {
      return false;
    }
    row[offset] = value;
    this.onChange?.(line);
    return true;
  }

  /** Sets several fields of one line at once; one change notice. */
  setMany(line: number, offsets: readonly number[], values: readonly number[]): boolean {
    let row = this.rows[line];
    let changed = false;
    for (let i = 0; i < offsets.length; i++) {
      const o = offsets[i]!;
      const v = values[i]!;
      const cur = row === undefined ? this.empty[o] : row[o];
      if (cur === v) continue;
      if (row === undefined) row = this.rows[line] = this.empty.slice();
      row[o] = v;
      changed = true;
    }
    if (changed) this.onChange?.(line);
    return changed;
  }

  /** Resets fields [from, to) of a line to empty; returns whether anything changed. */
  clearFields(line: number, from: number, to: number): boolean {
    const row = this.rows[line];
    if (row === undefined) return false;
    let changed = false;
    for (let o = from; o < to; o++) {
      if (row[o] !== this.empty[o]) {
        row[o] = this.empty[o]!;
        changed = true;
      }
    }
    if (changed) {
      if (this.rowIsEmpty(row)) this.rows[line] = undefined;
      this.onChange?.(line);
    }
    return changed;
  }

  /** Empties a line; returns whether it had content. */
  clearLine(line: number): boolean {
    const row = this.rows[line];
    if (row === undefined) return false;
    this.rows[line] = undefined;
    if (this.rowIsEmpty(row)) return false;
    this.onChange?.(line);
    return true;
  }

  /** Whether fields [from, to) of a line are empty. */
  fieldsEmpty(line: number, from: number, to: number): boolean {
    const row = this.rows[line];
    if (row === undefined) return true;
    for (let o = from; o < to; o++) if (row[o] !== this.empty[o]) return false;
    return true;
  }

  isLineEmpty(line: number): boolean {
    const row = this.rows[line];
    return row === undefined || this.rowIsEmpty(row);
  }

  private rowIsEmpty(row: Uint16Array): boolean {
    const e = this.empty;
    for (let o = 0; o < row.length; o++) if (row[o] !== e[o]) return false;
    return true;
  }

  /** Whether lines 1..count are all empty. */
  isEmpty(count = this.rows.length): boolean {
    const n = Math.min(count, this.rows.length - 1);
    for (let l = 1; l <= n; l++) if (!this.isLineEmpty(l)) return false;
    return true;
  }

  /** Empties lines 1..count (one change notice per line that had content). */
  clear(count = this.rows.length): void {
    const n = Math.min(count, this.rows.length - 1);
    for (let l = 1; l <= n; l++) this.clearLine(l);
  }

  /** Forgets lines after `count` without notices (the pattern got shorter). */
  truncate(count: number): void {
    if (this.rows.length > count + 1) this.rows.length = count + 1;
  }

  /**
   * Copies line `from` of `src` over line `to` of this store (columns
   * beyond either store's count are left empty).
   */
  copyLine(src: LineStore, from: number, to: number): void {
    const s = src.rows[from];
    if (s === undefined) {
      this.clearLine(to);
      return;
    }
    const row = this.empty.slice();
    const nc = Math.min(this.noteColumns, src.noteColumns) * NOTE_FIELDS;
    row.set(s.subarray(0, nc), 0);
    const ec = Math.min(this.effectColumns, src.effectColumns) * EFFECT_FIELDS;
    row.set(s.subarray(src.effectBase, src.effectBase + ec), this.effectBase);
    const old = this.rows[to];
    const same = old === undefined ? this.rowIsEmpty(row) : old.every((v, i) => v === row[i]);
    this.rows[to] = this.rowIsEmpty(row) ? undefined : row;
    if (!same) this.onChange?.(to);
  }

  /** Whether line a of this store equals line b of `other` (same layout assumed). */
  lineEquals(a: number, other: LineStore, b: number): boolean {
    const ra = this.rows[a];
    const rb = other.rows[b];
    if (ra === undefined || rb === undefined) {
      return (ra === undefined || this.rowIsEmpty(ra)) && (rb === undefined || other.rowIsEmpty(rb));
    }
    if (ra.length !== rb.length) return false;
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return false;
    return true;
  }

  /** Swaps the fields of two note columns (1-based) on every line; no notices. */
  swapNoteColumns(a: number, b: number): void {
    this.swapRanges((a - 1) * NOTE_FIELDS, (b - 1) * NOTE_FIELDS, NOTE_FIELDS);
  }

  /** Swaps the fields of two effect columns (1-based) on every line; no notices. */
  swapEffectColumns(a: number, b: number): void {
    this.swapRanges(this.effectBase + (a - 1) * EFFECT_FIELDS, this.effectBase + (b - 1) * EFFECT_FIELDS, EFFECT_FIELDS);
  }

  private swapRanges(a: number, b: number, n: number): void {
    for (const row of this.rows) {
      if (row === undefined) continue;
      for (let i = 0; i < n; i++) {
        const t = row[a + i]!;
        row[a + i] = row[b + i]!;
        row[b + i] = t;
      }
    }
  }

  /** Approximate bytes held by line data (for the memory bench). */
  byteSize(): number {
    let n = this.rows.length * 8;
    for (const r of this.rows) if (r) n += r.byteLength + 64;
    return n;
  }
}
