import { defineModel, ModelObject } from "../document/model.js";
import { PatternTrackAutomation, type AutomatableParameter, type AutomationDevice } from "./automation.js";
import { checkLineIndex, LineViews, type LineOwner, type PatternLine } from "./line.js";
import { LineStore } from "./line-store.js";
import { PatternValueError } from "./pattern-errors.js";
import { renderPatternText, writePatternText, type PatternTextLayout, type RenderOptions } from "./pattern-text.js";

/** Column counts of a track kind (sequencer tracks: 12 note + 8 effect). */
export interface TrackColumns {
  readonly noteColumns: number;
  readonly effectColumns: number;
}

/** What a pattern track needs from its pattern. @internal */
export interface PatternTrackParent extends ModelObject {
  readonly number_of_lines: number;
  /** Called after line `line` of `track` changed. */
  lineChanged(track: PatternTrack, line: number): void;
  /** 1-based index of a pattern track's song track. */
  trackIndexOf(track: PatternTrack): number;
  isColumnSelected?(track: PatternTrack, line: number, kind: "note" | "effect", column: number): boolean;
  /** The device of this track that owns `parameter`, if any. */
  deviceOf?(track: PatternTrack, parameter: AutomatableParameter): AutomationDevice | undefined;
}

/** An RGB colour, 0-255 each. */
export type RgbColor = [number, number, number];

/**
 * `renoise.PatternTrack`: the lines of one track in one pattern. Lines are
 * stored compactly (see {@link LineStore}); `lines`, `line(i)` and
 * `lines_in_range` hand out views.
 */
export class PatternTrack extends ModelObject implements LineOwner {
  /** @internal */ readonly cells: LineStore;
  private readonly views: LineViews;
  private _automation: PatternTrackAutomation[] = [];
  declare color: RgbColor | undefined;
  declare alias_pattern_index: number;
  declare readonly is_empty: boolean;
  declare readonly lines: PatternLine[];
  declare readonly automation: PatternTrackAutomation[];

  constructor(
    /** @internal */ readonly parent: PatternTrackParent,
    columns: TrackColumns,
  ) {
    super();
    this._owner = parent;
    this.cells = new LineStore(columns.noteColumns, columns.effectColumns);
    this.cells.onChange = (line) => parent.lineChanged(this, line);
    this.views = new LineViews(this);
    this._v.alias_pattern_index = 0;
  }

  override _path(): string {
    return `${this.parent._path()}.tracks[${this.parent.trackIndexOf(this)}]`;
  }

  get number_of_lines(): number {
    return this.parent.number_of_lines;
  }

  /** @internal */
  isColumnSelected(line: number, kind: "note" | "effect", column: number): boolean {
    return this.parent.isColumnSelected?.(this, line, kind, column) ?? false;
  }

  /** One line (1-based). */
  line(index: number): PatternLine {
    return this.views.get(checkLineIndex(index, this.number_of_lines, "PatternTrack:line"));
  }

  /** Lines from..to (inclusive, 1-based). */
  lines_in_range(from: number, to: number): PatternLine[] {
    const a = checkLineIndex(from, this.number_of_lines, "PatternTrack:lines_in_range");
    const b = checkLineIndex(to, this.number_of_lines, "PatternTrack:lines_in_range");
    if (b < a) {
      throw new PatternValueError(`PatternTrack:lines_in_range: index_from (${a}) must not be after index_to (${b})`);
    }
    return this.views.range(a, b);
  }

  /** @internal views of every line */
  _lines(): PatternLine[] {
    return this.views.range(1, this.number_of_lines);
  }

  /** Empties every line (one line notice per line that had content) and deletes the automation. */
  clear(): void {
    this.cells.clear();
    this._automation = [];
  }

  /** Copies another pattern track's lines (as many as both patterns have) and automation. */
  copy_from(other: PatternTrack): void {
    const n = Math.min(this.number_of_lines, other.number_of_lines);
    for (let l = 1; l <= n; l++) this.cells.copyLine(other.cells, l, l);
    if (other === this) return;
    this._automation = other._automation.map((a) => {
      const c = new PatternTrackAutomation(this, a.dest_device, a.dest_parameter);
      c.copy_from(a);
      return c;
    });
  }

  // --- automation -----------------------------------------------------------

  /** @internal */
  _automationList(): PatternTrackAutomation[] {
    return [...this._automation];
  }

  /** The automation of `parameter`, or undefined (nil). */
  find_automation(parameter: AutomatableParameter): PatternTrackAutomation | undefined {
    return this._automation.find((a) => a.dest_parameter === parameter);
  }

  /** Creates the automation of `parameter`; raises when it exists or cannot be automated. */
  create_automation(parameter: AutomatableParameter): PatternTrackAutomation {
    if (parameter === undefined || parameter === null || typeof parameter !== "object") {
      throw new PatternValueError("PatternTrack:create_automation: expected a DeviceParameter");
    }
    if (this.find_automation(parameter)) {
      throw new PatternValueError(
        `PatternTrack:create_automation: '${parameter.name}' already has an automation in this pattern track; use find_automation()`,
      );
    }
    if (!parameter.is_automatable) {
      throw new PatternValueError(`PatternTrack:create_automation: parameter '${parameter.name}' is not automatable`);
    }
    const device = this.parent.deviceOf?.(this, parameter);
    if (!device) {
      throw new PatternValueError(
        `PatternTrack:create_automation: parameter '${parameter.name}' does not belong to a device of this track`,
      );
    }
    const a = new PatternTrackAutomation(this, device, parameter);
    this._automation.push(a);
    this._called("create_automation", [parameter.name]);
    this._notify("automation");
    return a;
  }

  /** Deletes the automation of `parameter`; raises when there is none. */
  delete_automation(parameter: AutomatableParameter): void {
    const i = this._automation.findIndex((a) => a.dest_parameter === parameter);
    if (i < 0) {
      throw new PatternValueError(
        `PatternTrack:delete_automation: there is no automation for '${String(parameter?.name)}' in this pattern track`,
      );
    }
    this._automation.splice(i, 1);
    this._called("delete_automation", [parameter.name]);
    this._notify("automation");
  }

  /** Renders the lines as pattern text (for snapshots). */
  toText(options?: RenderOptions): string {
    return renderPatternText(this.cells, this.number_of_lines, options);
  }

  /** Writes pattern text into the lines, from line `start` (default 1). */
  fromText(text: string, options?: PatternTextLayout & { start?: number }): void {
    writePatternText(this.cells, this.number_of_lines, text, options);
  }
}

function checkColor(_t: PatternTrack, c: unknown): string | undefined {
  if (c === undefined) return undefined;
  return Array.isArray(c) && c.length === 3 && c.every((v) => typeof v === "number" && v >= 0 && v <= 255)
    ? undefined
    : "PatternTrack.color: expected {r, g, b} with values 0-255, or nil";
}

defineModel(PatternTrack, {
  typeName: "PatternTrack",
  props: {
    color: {
      type: "table",
      nullable: true,
      observable: true,
      check: checkColor,
      get: (t) => (t._v.color ? [...(t._v.color as number[])] : undefined),
      set: (t, c: number[] | undefined) => void t.store("color", c ? c.map((v) => Math.trunc(v)) : undefined),
    },
    alias_pattern_index: { type: "integer", min: 0, observable: true },
    is_alias: { type: "boolean", readonly: true, get: (t) => (t._v.alias_pattern_index as number) > 0 },
    is_empty: { type: "boolean", readonly: true, get: (t) => t.cells.isEmpty(t.number_of_lines) },
    lines: { type: "table", readonly: true, get: (t) => t._lines() },
    automation: { type: "table", readonly: true, get: (t) => t._automationList() },
  },
  observables: ["automation_observable"],
  methods: ["clear", "copy_from", "line", "lines_in_range", "find_automation", "create_automation", "delete_automation"],
});
