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
export class EffectColumn {
  /** @internal first field of this column in the line. */
  readonly base: number;

  constructor(
    /** @internal */ readonly host: ColumnHost,
    /** @internal 1-based line. */ readonly line: number,
    /** 1-based column index. */ readonly column: number,
  ) {
    this.base = host.cells.effectBase + (column - 1) * EFFECT_FIELDS;
  }

  get is_empty(): boolean {
    return this.host.cells.fieldsEmpty(this.line, this.base, this.base + EFFECT_FIELDS);
  }
  get is_selected(): boolean {
    return this.host.isColumnSelected?.(this.line, "effect", this.column) ?? false;
  }

  get number_value(): number {
    return this.host.cells.get(this.line, this.base + EFFECT_NUMBER);
  }
  set number_value(v: number) {
    this.host.cells.set(this.line, this.base + EFFECT_NUMBER, checkEffectNumber(v, "number_value"));
  }
  get number_string(): string {
    return effectNumberToString(this.number_value);
  }
  set number_string(s: string) {
    this.host.cells.set(this.line, this.base + EFFECT_NUMBER, effectNumberFromString(s, "number_string"));
  }

  get amount_value(): number {
    return this.host.cells.get(this.line, this.base + EFFECT_AMOUNT);
  }
  set amount_value(v: number) {
    this.host.cells.set(this.line, this.base + EFFECT_AMOUNT, checkByte(v, "amount_value"));
  }
  get amount_string(): string {
    return amountToString(this.amount_value);
  }
  set amount_string(s: string) {
    this.host.cells.set(this.line, this.base + EFFECT_AMOUNT, byteFromString(s, "amount_string"));
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
      [other.number_value, other.amount_value],
    );
  }

  /** Same content (Renoise's `==`). */
  equals(other: EffectColumn): boolean {
    return this.number_value === other.number_value && this.amount_value === other.amount_value;
  }

  /** `0A40`, or `....` when empty. */
  toString(): string {
    return this.is_empty ? "...." : this.number_string + this.amount_string;
  }
}
