import { listPath } from "./instrument-paths.js";
import { checkIndex, defineModel, ModelError, ModelObject } from "../document/model.js";
import { Observable } from "../document/observable.js";
import { checkLineIndex, LineViews, type LineOwner, type PatternLine } from "./line.js";
import { LineStore } from "./line-store.js";
import { renderPatternText, writePatternText, type PatternTextLayout, type RenderOptions } from "./pattern-text.js";

/** `renoise.InstrumentPhrase.KEY_TRACKING_*` (also InstrumentPhraseMapping's). */
export const KEY_TRACKING = { NONE: 1, TRANSPOSE: 2, OFFSET: 3 } as const;
export const PHRASE_MAX_NUMBER_OF_LINES = 512;

/**
 * `renoise.InstrumentPhrase`: a small pattern inside an instrument: lines
 * with 12 note and 8 effect columns (stored like pattern lines), loop
 * settings, column names and mutes, and line notifiers.
 */
export class InstrumentPhrase extends ModelObject implements LineOwner {
  /** @internal */ readonly cells = new LineStore(12, 8);
  private readonly views = new LineViews(this);
  /** @internal line notifiers: notified with {line = i}. */
  readonly _lineObservable = new Observable();
  private readonly columnNames: string[] = Array.from({ length: 12 }, () => "");
  private readonly columnMutes: boolean[] = Array.from({ length: 12 }, () => false);

  declare name: string;
  declare number_of_lines: number;
  declare visible_note_columns: number;
  declare visible_effect_columns: number;
  declare key_tracking: number;
  declare base_note: number;
  declare looping: boolean;
  declare loop_start: number;
  declare loop_end: number;
  declare autoseek: boolean;
  declare lpb: number;
  declare shuffle: number;
  declare instrument_column_visible: boolean;
  declare volume_column_visible: boolean;
  declare panning_column_visible: boolean;
  declare delay_column_visible: boolean;
  declare sample_effects_column_visible: boolean;

  constructor() {
    super();
    Object.assign(this._v, {
      name: "",
      number_of_lines: 16,
      visible_note_columns: 1,
      visible_effect_columns: 0,
      key_tracking: KEY_TRACKING.TRANSPOSE,
      base_note: 48,
      looping: true,
      loop_start: 1,
      loop_end: 17,
      autoseek: false,
      lpb: 4,
      shuffle: 0,
      instrument_column_visible: false,
      volume_column_visible: true,
      panning_column_visible: false,
      delay_column_visible: false,
      sample_effects_column_visible: false,
    });
    this.cells.onChange = (line) => {
      if (this._lineObservable.entries) this._lineObservable.notify({ line });
    };
  }

  override _path(): string {
    return listPath(this._owner, "phrases", this, "phrase");
  }

  /** Every line (views). */
  declare readonly lines: PatternLine[];
  declare readonly is_empty: boolean;

  /** @internal */
  _lines(): PatternLine[] {
    return this.views.range(1, this.number_of_lines);
  }

  line(index: number): PatternLine {
    return this.views.get(checkLineIndex(index, this.number_of_lines, "InstrumentPhrase:line"));
  }

  lines_in_range(from: number, to: number): PatternLine[] {
    const a = checkLineIndex(from, this.number_of_lines, "InstrumentPhrase:lines_in_range");
    const b = checkLineIndex(to, this.number_of_lines, "InstrumentPhrase:lines_in_range");
    if (b < a) throw new ModelError(`InstrumentPhrase:lines_in_range: index_from (${a}) must not be after index_to (${b})`);
    return this.views.range(a, b);
  }

  /** @internal */
  _isEmpty(): boolean {
    return this.cells.isEmpty(this.number_of_lines);
  }

  clear(): void {
    this.cells.clear();
  }

  /** Copies lines and settings of another phrase (not its name). */
  copy_from(other: InstrumentPhrase): void {
    if (other === this) return;
    for (const k of Object.keys(other._v)) if (k !== "name") this._v[k] = other._v[k];
    this.cells.truncate(this.number_of_lines);
    for (let l = 1; l <= this.number_of_lines; l++) this.cells.copyLine(other.cells, l, l);
  }

  add_line_notifier(...args: Parameters<Observable["add_notifier"]>): void {
    this._lineObservable.add_notifier(...args);
  }
  remove_line_notifier(...args: Parameters<Observable["remove_notifier"]>): void {
    this._lineObservable.remove_notifier(...args);
  }
  has_line_notifier(...args: Parameters<Observable["has_notifier"]>): boolean {
    return this._lineObservable.has_notifier(...args);
  }

  column_is_muted(column: number): boolean {
    return this.columnMutes[checkIndex("InstrumentPhrase:column_is_muted", column, 12) - 1]!;
  }
  set_column_is_muted(column: number, muted: boolean): void {
    const i = checkIndex("InstrumentPhrase:set_column_is_muted", column, 12);
    if (typeof muted !== "boolean") throw new ModelError("InstrumentPhrase:set_column_is_muted: muted must be a boolean");
    this.columnMutes[i - 1] = muted;
  }
  column_name(column: number): string {
    return this.columnNames[checkIndex("InstrumentPhrase:column_name", column, 12) - 1]!;
  }
  set_column_name(column: number, name: string): void {
    const i = checkIndex("InstrumentPhrase:set_column_name", column, 12);
    if (typeof name !== "string") throw new ModelError("InstrumentPhrase:set_column_name: name must be a string");
    this.columnNames[i - 1] = name;
  }

  /** Swaps two note columns: their content on every line, names and mutes. */
  swap_note_columns_at(a: number, b: number): void {
    const i = checkIndex("InstrumentPhrase:swap_note_columns_at", a, 12);
    const j = checkIndex("InstrumentPhrase:swap_note_columns_at", b, 12);
    this.cells.swapNoteColumns(i, j);
    [this.columnNames[i - 1], this.columnNames[j - 1]] = [this.columnNames[j - 1]!, this.columnNames[i - 1]!];
    [this.columnMutes[i - 1], this.columnMutes[j - 1]] = [this.columnMutes[j - 1]!, this.columnMutes[i - 1]!];
  }

  /** Swaps two effect columns on every line. */
  swap_effect_columns_at(a: number, b: number): void {
    const i = checkIndex("InstrumentPhrase:swap_effect_columns_at", a, 8);
    const j = checkIndex("InstrumentPhrase:swap_effect_columns_at", b, 8);
    this.cells.swapEffectColumns(i, j);
  }

  /** Renders the phrase as pattern text (for snapshots). */
  toText(options?: RenderOptions): string {
    return renderPatternText(this.cells, this.number_of_lines, options);
  }

  /** Writes pattern text into the phrase from line `start` (default 1). */
  fromText(text: string, options?: PatternTextLayout & { start?: number }): void {
    writePatternText(this.cells, this.number_of_lines, text, options);
  }
}

const flag = { type: "boolean", observable: true } as const;

defineModel(InstrumentPhrase, {
  typeName: "InstrumentPhrase",
  props: {
    name: { type: "string", observable: true },
    mapping: {
      type: "object",
      readonly: true,
      nullable: true,
      get: (p) => (p._owner as { _mappingOf?: (p: InstrumentPhrase) => unknown } | undefined)?._mappingOf?.(p),
    },
    is_empty: { type: "boolean", readonly: true, get: (p) => p._isEmpty() },
    lines: { type: "table", readonly: true, get: (p) => p._lines() },
    number_of_lines: {
      type: "integer",
      min: 1,
      max: PHRASE_MAX_NUMBER_OF_LINES,
      observable: true,
      set: (p, n: number) => {
        if (n < p.number_of_lines) p.cells.truncate(n);
        p.store("number_of_lines", n);
        if (p._v.loop_end as number > n + 1) p.store("loop_end", n + 1);
        if (p._v.loop_start as number > n) p.store("loop_start", n);
      },
    },
    visible_note_columns: { type: "integer", min: 1, max: 12, observable: true },
    visible_effect_columns: { type: "integer", min: 0, max: 8, observable: true },
    key_tracking: { type: "integer", min: 1, max: 3, observable: true },
    base_note: { type: "integer", min: 0, max: 119, observable: true },
    looping: flag,
    loop_start: {
      type: "integer",
      observable: true,
      range: (p) => [1, p.number_of_lines],
      // A start at or after the end moves the end behind it.
      set: (p, v: number) => {
        p.store("loop_start", v);
        if ((p._v.loop_end as number) <= v) p.store("loop_end", v + 1);
      },
    },
    loop_end: {
      type: "integer",
      observable: true,
      range: (p) => [2, p.number_of_lines + 1],
      check: (p, v: number) =>
        v <= (p._v.loop_start as number)
          ? `invalid value for property 'loop_end' of an object of type 'InstrumentPhrase': ${v} must be after loop_start (${String(p._v.loop_start)})`
          : undefined,
    },
    autoseek: flag,
    lpb: { type: "integer", min: 1, max: 256, observable: true },
    shuffle: { type: "number", min: 0, max: 1, observable: true },
    instrument_column_visible: flag,
    volume_column_visible: flag,
    panning_column_visible: flag,
    delay_column_visible: flag,
    sample_effects_column_visible: flag,
  },
  observables: ["is_empty_observable"],
  notifiers: { line: (p: InstrumentPhrase) => p._lineObservable },
  methods: [
    "clear",
    "copy_from",
    "line",
    "lines_in_range",
    "column_is_muted",
    "set_column_is_muted",
    "column_name",
    "set_column_name",
    "swap_note_columns_at",
    "swap_effect_columns_at",
  ],
});
