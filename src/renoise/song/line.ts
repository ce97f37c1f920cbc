import { defineModel, ModelObject } from "../document/model.js";
import { EffectColumn } from "./effect-column.js";
import { NoteColumn, type ColumnHost } from "./note-column.js";
import { PatternValueError } from "./pattern-errors.js";

/** What lines belong to: a pattern track or a phrase. */
export interface LineOwner extends ColumnHost {
  readonly number_of_lines: number;
}

/**
 * `renoise.PatternLine`: a view of one line of a pattern track or phrase.
 * Column views are made on first use (each column on its own) and kept
 * while the line view lives.
 */
export class PatternLine extends ModelObject {
  private notes: (NoteColumn | undefined)[] | undefined;
  private effects: (EffectColumn | undefined)[] | undefined;

  constructor(
    /** @internal */ readonly owner: LineOwner,
    /** 1-based line index. */ readonly index: number,
  ) {
    super();
  }

  /** Note columns (12 on sequencer tracks and phrases, 0 elsewhere). */
  declare readonly note_columns: NoteColumn[];
  /** Effect columns (8). */
  declare readonly effect_columns: EffectColumn[];
  declare readonly is_empty: boolean;

  /** @internal every note column view */
  _noteColumns(): NoteColumn[] {
    const n = this.owner.cells.noteColumns;
    for (let c = 1; c <= n; c++) this._noteColumnAt(c);
    return (this.notes ?? []) as NoteColumn[];
  }

  /** @internal every effect column view */
  _effectColumns(): EffectColumn[] {
    const n = this.owner.cells.effectColumns;
    for (let c = 1; c <= n; c++) this._effectColumnAt(c);
    return (this.effects ?? []) as EffectColumn[];
  }

  /** @internal the view of note column `c` (1-based, unchecked), made on first use */
  _noteColumnAt(c: number): NoteColumn {
    const a = (this.notes ??= []);
    return (a[c - 1] ??= new NoteColumn(this.owner, this.index, c));
  }

  /** @internal the view of effect column `c` (1-based, unchecked), made on first use */
  _effectColumnAt(c: number): EffectColumn {
    const a = (this.effects ??= []);
    return (a[c - 1] ??= new EffectColumn(this.owner, this.index, c));
  }

  /** One note column (1-based). */
  note_column(index: number): NoteColumn {
    checkColumn(index, this.owner.cells.noteColumns, "note_column");
    return this._noteColumnAt(index);
  }

  /** One effect column (1-based). */
  effect_column(index: number): EffectColumn {
    checkColumn(index, this.owner.cells.effectColumns, "effect_column");
    return this._effectColumnAt(index);
  }


  /** Empties every column of the line. */
  clear(): void {
    this.owner.cells.clearLine(this.index);
  }

  /** Copies another line's columns over this one. */
  copy_from(other: PatternLine): void {
    this.owner.cells.copyLine(other.owner.cells, other.index, this.index);
  }

  /** Same content (Renoise's `==` on lines). */
  equals(other: PatternLine): boolean {
    return this.owner.cells.lineEquals(this.index, other.owner.cells, other.index);
  }

  /** Every column as the pattern editor shows it, note columns then effect columns. */
  override toString(): string {
    return [...this.note_columns.map(String), ...this.effect_columns.map(String)].join(" | ");
  }
}

defineModel(PatternLine, {
  typeName: "PatternLine",
  props: {
    is_empty: { type: "boolean", readonly: true, get: (l) => l.owner.cells.isLineEmpty(l.index) },
    note_columns: { type: "table", readonly: true, get: (l) => l._noteColumns() },
    effect_columns: { type: "table", readonly: true, get: (l) => l._effectColumns() },
  },
  methods: ["clear", "copy_from", "note_column", "effect_column"],
  tostring: (l: PatternLine) => l.toString(),
  equals: (a: PatternLine, b: PatternLine) => a.equals(b),
});

function checkColumn(index: unknown, count: number, what: string): void {
  if (typeof index !== "number" || !Number.isInteger(index) || index < 1 || index > count) {
    throw new PatternValueError(
      `${what}: index ${String(index)} is out of range (1-${count}); there are ${count} columns`,
    );
  }
}

/** Checks a 1-based line index against an owner's number of lines. */
export function checkLineIndex(index: unknown, count: number, what: string): number {
  if (typeof index !== "number" || Number.isNaN(index)) {
    throw new PatternValueError(`${what}: expected a line index (a number), got ${index === undefined ? "nil" : typeof index}`);
  }
  const i = Math.trunc(index);
  if (i < 1 || i > count) {
    throw new PatternValueError(`${what}: line index ${i} is out of range (1-${count})`);
  }
  return i;
}

/** Sparse cache of line views for an owner. */
export class LineViews {
  private views: (PatternLine | undefined)[] = [];
  constructor(private readonly owner: LineOwner) {}

  get(index: number): PatternLine {
    return (this.views[index] ??= new PatternLine(this.owner, index));
  }

  /** Views of lines from..to (inclusive). */
  range(from: number, to: number): PatternLine[] {
    const out: PatternLine[] = [];
    for (let i = from; i <= to; i++) out.push(this.get(i));
    return out;
  }

  /** Drops views beyond `count` (after shrinking). */
  truncate(count: number): void {
    if (this.views.length > count + 1) this.views.length = count + 1;
  }
}
