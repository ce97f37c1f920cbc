import type { LineStore } from "./line-store.js";
import {
  DELAY,
  INSTRUMENT,
  NC_EFFECT_AMOUNT,
  NC_EFFECT_NUMBER,
  NOTE,
  NOTE_FIELDS,
  PANNING,
  VOLUME,
} from "./line-store.js";
import {
  amountToString,
  byteFromString,
  byteOrEmptyToString,
  checkByte,
  checkEffectNumber,
  checkInstrument,
  checkNote,
  checkVolPan,
  delayToString,
  effectNumberFromString,
  effectNumberToString,
  EMPTY_INSTRUMENT,
  instrumentFromString,
  noteFromString,
  noteToString,
  volPanFromString,
  volPanToString,
} from "./note-column-values.js";

/** Where a column view points to; `selected` answers `is_selected`. */
export interface ColumnHost {
  readonly cells: LineStore;
  isColumnSelected?(line: number, kind: "note" | "effect", column: number): boolean;
}

/**
 * `renoise.NoteColumn`: a view of one note column of one line (no state of
 * its own). Every property has a value and a string form, as in Renoise.
 */
export class NoteColumn {
  /** @internal first field of this column in the line. */
  readonly base: number;

  constructor(
    /** @internal */ readonly host: ColumnHost,
    /** @internal 1-based line. */ readonly line: number,
    /** 1-based column index. */ readonly column: number,
  ) {
    this.base = (column - 1) * NOTE_FIELDS;
  }

  private get(o: number): number {
    return this.host.cells.get(this.line, this.base + o);
  }
  private put(o: number, v: number): void {
    this.host.cells.set(this.line, this.base + o, v);
  }

  get is_empty(): boolean {
    return this.host.cells.fieldsEmpty(this.line, this.base, this.base + NOTE_FIELDS);
  }
  get is_selected(): boolean {
    return this.host.isColumnSelected?.(this.line, "note", this.column) ?? false;
  }

  get note_value(): number {
    return this.get(NOTE);
  }
  set note_value(v: number) {
    this.put(NOTE, checkNote(v));
  }
  get note_string(): string {
    return noteToString(this.get(NOTE));
  }
  set note_string(s: string) {
    this.put(NOTE, noteFromString(s));
  }

  get instrument_value(): number {
    return this.get(INSTRUMENT);
  }
  set instrument_value(v: number) {
    this.put(INSTRUMENT, checkInstrument(v));
  }
  get instrument_string(): string {
    return byteOrEmptyToString(this.get(INSTRUMENT), EMPTY_INSTRUMENT);
  }
  set instrument_string(s: string) {
    this.put(INSTRUMENT, instrumentFromString(s));
  }

  get volume_value(): number {
    return this.get(VOLUME);
  }
  set volume_value(v: number) {
    this.put(VOLUME, checkVolPan(v, "volume_value"));
  }
  get volume_string(): string {
    return volPanToString(this.get(VOLUME));
  }
  set volume_string(s: string) {
    this.put(VOLUME, volPanFromString(s, "volume_string"));
  }

  get panning_value(): number {
    return this.get(PANNING);
  }
  set panning_value(v: number) {
    this.put(PANNING, checkVolPan(v, "panning_value"));
  }
  get panning_string(): string {
    return volPanToString(this.get(PANNING));
  }
  set panning_string(s: string) {
    this.put(PANNING, volPanFromString(s, "panning_string"));
  }

  get delay_value(): number {
    return this.get(DELAY);
  }
  set delay_value(v: number) {
    this.put(DELAY, checkByte(v, "delay_value"));
  }
  get delay_string(): string {
    return delayToString(this.get(DELAY));
  }
  set delay_string(s: string) {
    this.put(DELAY, byteFromString(s, "delay_string"));
  }

  get effect_number_value(): number {
    return this.get(NC_EFFECT_NUMBER);
  }
  set effect_number_value(v: number) {
    this.put(NC_EFFECT_NUMBER, checkEffectNumber(v, "effect_number_value"));
  }
  get effect_number_string(): string {
    return effectNumberToString(this.get(NC_EFFECT_NUMBER));
  }
  set effect_number_string(s: string) {
    this.put(NC_EFFECT_NUMBER, effectNumberFromString(s, "effect_number_string"));
  }

  get effect_amount_value(): number {
    return this.get(NC_EFFECT_AMOUNT);
  }
  set effect_amount_value(v: number) {
    this.put(NC_EFFECT_AMOUNT, checkByte(v, "effect_amount_value"));
  }
  get effect_amount_string(): string {
    return amountToString(this.get(NC_EFFECT_AMOUNT));
  }
  set effect_amount_string(s: string) {
    this.put(NC_EFFECT_AMOUNT, byteFromString(s, "effect_amount_string"));
  }

  /** Empties the column. */
  clear(): void {
    this.host.cells.clearFields(this.line, this.base, this.base + NOTE_FIELDS);
  }

  /** Copies another note column's content into this one. */
  copy_from(other: NoteColumn): void {
    const offsets: number[] = [];
    const values: number[] = [];
    for (let o = 0; o < NOTE_FIELDS; o++) {
      offsets.push(this.base + o);
      values.push(other.get(o));
    }
    this.host.cells.setMany(this.line, offsets, values);
  }

  /** Same content (Renoise's `==` on columns). */
  equals(other: NoteColumn): boolean {
    for (let o = 0; o < NOTE_FIELDS; o++) if (this.get(o) !== other.get(o)) return false;
    return true;
  }

  /** As the pattern editor shows it: `C-4 01 40 .. .. 0000`. */
  toString(): string {
    return `${this.note_string} ${this.instrument_string} ${this.volume_string} ${this.panning_string} ${this.delay_string} ${this.effect_number_string}${this.effect_amount_string}`;
  }
}
