import { defineModel, ModelObject } from "../document/model.js";
import { EFFECT_AMOUNT, EFFECT_FIELDS, EFFECT_NUMBER } from "./line-store.js";
import {
  amountToString,
  byteFromString,
  checkByte,
  checkEffectNumber,
  effectNumberFromString,
  effectNumberToString,
} from "./note-column-values.js";
import type { ColumnHost } from "./note-column.js";

/** `renoise.EffectColumn`: a view of one effect column of one line. */
export class EffectColumn extends ModelObject {
  /** @internal first field of this column in the line. */
  readonly base: number;
  declare number_value: number;
  declare number_string: string;
  declare amount_value: number;
  declare amount_string: string;
  declare readonly is_empty: boolean;
  declare readonly is_selected: boolean;

  constructor(
    /** @internal */ readonly host: ColumnHost,
    /** @internal 1-based line. */ readonly line: number,
    /** 1-based column index. */ readonly column: number,
  ) {
    super();
    this.base = host.cells.effectBase + (column - 1) * EFFECT_FIELDS;
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
    this.host.cells.clearFields(this.line, this.base, this.base + EFFECT_FIELDS);
  }

  /** Copies another effect column's content into this one. */
  copy_from(other: EffectColumn): void {
    this.host.cells.setMany(
      this.line,
      [this.base + EFFECT_NUMBER, this.base + EFFECT_AMOUNT],
      [other._get(EFFECT_NUMBER), other._get(EFFECT_AMOUNT)],
    );
  }

  /** Same content (Renoise's `==`). */
  equals(other: EffectColumn): boolean {
    return this._get(EFFECT_NUMBER) === other._get(EFFECT_NUMBER) && this._get(EFFECT_AMOUNT) === other._get(EFFECT_AMOUNT);
  }

  /** `0A40`, or `....` when empty. */
  override toString(): string {
    return this.is_empty ? "...." : this.number_string + this.amount_string;
  }
}

defineModel(EffectColumn, {
  typeName: "EffectColumn",
  props: {
    is_empty: { type: "boolean", readonly: true, get: (c) => c.host.cells.fieldsEmpty(c.line, c.base, c.base + EFFECT_FIELDS) },
    is_selected: { type: "boolean", readonly: true, get: (c) => c.host.isColumnSelected?.(c.line, "effect", c.column) ?? false },
    number_value: {
      type: "number",
      get: (c) => c._get(EFFECT_NUMBER),
      set: (c, v: unknown) => c._put(EFFECT_NUMBER, checkEffectNumber(v, "number_value")),
    },
    number_string: {
      type: "string",
      get: (c) => effectNumberToString(c._get(EFFECT_NUMBER)),
      set: (c, s: unknown) => c._put(EFFECT_NUMBER, effectNumberFromString(s, "number_string")),
    },
    amount_value: {
      type: "number",
      get: (c) => c._get(EFFECT_AMOUNT),
      set: (c, v: unknown) => c._put(EFFECT_AMOUNT, checkByte(v, "amount_value")),
    },
    amount_string: {
      type: "string",
      get: (c) => amountToString(c._get(EFFECT_AMOUNT)),
      set: (c, s: unknown) => c._put(EFFECT_AMOUNT, byteFromString(s, "amount_string")),
    },
  },
  methods: ["clear", "copy_from"],
  tostring: (c: EffectColumn) => c.toString(),
  equals: (a: EffectColumn, b: EffectColumn) => a.equals(b),
});
