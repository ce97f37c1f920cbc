import { defineModel, ModelError, ModelObject } from "../document/model.js";

/**
 * renoise.SongPos: a position in the song (sequence index, line), both
 * 1-based. Immutable; compares by value (`==`, `<`, `<=` in Lua;
 * {@link SongPos.compare} in TypeScript).
 */
export class SongPos extends ModelObject {
  declare readonly sequence: number;
  declare readonly line: number;

  constructor(sequence: number, line: number) {
    super();
    for (const [n, v] of [["sequence", sequence], ["line", line]] as const) {
      if (typeof v !== "number" || !Number.isInteger(v)) {
        throw new ModelError(`renoise.SongPos: ${n} must be a whole number, got ${typeof v === "number" ? v : typeof v}`);
      }
    }
    this._v.sequence = sequence;
    this._v.line = line;
  }

  /** Negative, 0 or positive: sequence first, then line. */
  static compare(a: SongPos, b: SongPos): number {
    return a.sequence - b.sequence || a.line - b.line;
  }

  equals(other: SongPos): boolean {
    return other instanceof SongPos && other.sequence === this.sequence && other.line === this.line;
  }

  override toString(): string {
    return `{${this.sequence}, ${this.line}}`;
  }
}

defineModel(SongPos, {
  typeName: "SongPos",
  props: {
    sequence: { type: "integer", readonly: true, luaCache: true },
    line: { type: "integer", readonly: true, luaCache: true },
  },
  tostring: (p: SongPos) => p.toString(),
  equals: (a: SongPos, b: SongPos) => a.equals(b),
  compare: (a: SongPos, b: SongPos) => SongPos.compare(a, b),
});
