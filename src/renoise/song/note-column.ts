import { defineModel, ModelObject, type PropDef } from "../document/model.js";
import type { LineStore } from "./line-store.js";
import { DELAY, INSTRUMENT, NC_EFFECT_AMOUNT, NC_EFFECT_NUMBER, NOTE, NOTE_FIELDS, PANNING, VOLUME } from "./line-store.js";
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

/** Where a column view points to. */
export interface ColumnHost {
  readonly cells: LineStore;
  isColumnSelected?(line: number, kind: "note" | "effect", column: number): boolean;
}

/**
 * `renoise.NoteColumn`: a view of one note column of one line (no state of
 * its own). Every property has a value and a string form, as in Renoise.
 */
export class NoteColumn extends ModelObject {
  /** @internal first field of this column in the line. */
  readonly base: number;
  declare note_value: number;
  declare note_string: string;
  declare instrument_value: number;
  declare instrument_string: string;
  declare volume_value: number;
  declare volume_string: string;
  declare panning_value: number;
  declare panning_string: string;
  declare delay_value: number;
  declare delay_string: string;
  declare effect_number_value: number;
  declare effect_number_string: string;
  declare effect_amount_value: number;
  declare effect_amount_string: string;
  declare readonly is_empty: boolean;
  declare readonly is_selected: boolean;

  constructor(
    /** @internal */ readonly host: ColumnHost,
    /** @internal 1-based line. */ readonly line: number,
    /** 1-based column index. */ readonly column: number,
  ) {
    super();
    this.base = (column - 1) * NOTE_FIELDS;
  }

  /** @internal */
  _get(o: number): number {
    return this.host.cells.get(this.line, this.base + o);
  }
  /** @internal */
  _put(o: number, v: number): void {
    this.host.cells.set(this.line, this.base + o, v);
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
      values.push(other._get(o));
    }
    this.host.cells.setMany(this.line, offsets, values);
  }

  /** Same content (Renoise's `==` on columns). */
  equals(other: NoteColumn): boolean {
    for (let o = 0; o < NOTE_FIELDS; o++) if (this._get(o) !== other._get(o)) return false;
    return true;
  }

  /** As the pattern editor shows it: `C-4 01 40 .. .. 0000`. */
  override toString(): string {
    return `${this.note_string} ${this.instrument_string} ${this.volume_string} ${this.panning_string} ${this.delay_string} ${this.effect_number_string}${this.effect_amount_string}`;
  }
}

type Field = [offset: number, check: (v: unknown) => number, show: (v: number) => string, parse: (s: unknown) => number];

const FIELDS: Record<string, Field> = {
  note: [NOTE, (v) => checkNote(v), noteToString, (s) => noteFromString(s)],
  instrument: [INSTRUMENT, (v) => checkInstrument(v), (v) => byteOrEmptyToString(v, EMPTY_INSTRUMENT), (s) => instrumentFromString(s)],
  volume: [VOLUME, (v) => checkVolPan(v, "volume_value"), volPanToString, (s) => volPanFromString(s, "volume_string")],
  panning: [PANNING, (v) => checkVolPan(v, "panning_value"), volPanToString, (s) => volPanFromString(s, "panning_string")],
  delay: [DELAY, (v) => checkByte(v, "delay_value"), delayToString, (s) => byteFromString(s, "delay_string")],
  effect_number: [
    NC_EFFECT_NUMBER,
    (v) => checkEffectNumber(v, "effect_number_value"),
    effectNumberToString,
    (s) => effectNumberFromString(s, "effect_number_string"),
  ],
  effect_amount: [NC_EFFECT_AMOUNT, (v) => checkByte(v, "effect_amount_value"), amountToString, (s) => byteFromString(s, "effect_amount_string")],
};

const props: Record<string, PropDef<NoteColumn>> = {
  is_empty: {
    type: "boolean",
    readonly: true,
    get: (c) => c.host.cells.fieldsEmpty(c.line, c.base, c.base + NOTE_FIELDS),
  },
  is_selected: {
    type: "boolean",
    readonly: true,
    get: (c) => c.host.isColumnSelected?.(c.line, "note", c.column) ?? false,
  },
};
for (const [name, [offset, check, show, parse]] of Object.entries(FIELDS)) {
  props[`${name}_value`] = { type: "number", get: (c) => c._get(offset), set: (c, v: unknown) => c._put(offset, check(v)) };
  props[`${name}_string`] = { type: "string", get: (c) => show(c._get(offset)), set: (c, s: unknown) => c._put(offset, parse(s)) };
}

defineModel(NoteColumn, {
  typeName: "NoteColumn",
  props,
  methods: ["clear", "copy_from"],
  tostring: (c: NoteColumn) => c.toString(),
  equals: (a: NoteColumn, b: NoteColumn) => a.equals(b),
});
