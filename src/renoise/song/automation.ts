/**
 * `renoise.PatternTrackAutomation`: an envelope of points for one device
 * parameter inside one pattern track. Times are in lines (1 = the first
 * line) on a 1/256-line grid; a parameter with a coarser `time_quantum`
 * (the master track's BPM, LPB, TPL: whole lines) rounds times to it, and
 * when several points land on the same time the last one wins.
 */
import { defineModel, ModelObject } from "../document/model.js";
import { PatternValueError } from "./pattern-errors.js";

/** The device parameter an automation drives (the tracks model provides it). */
export interface AutomatableParameter {
  readonly name: string;
  readonly is_automatable: boolean;
  /** Grid of automation times in lines; 1/256 when absent. */
  readonly time_quantum?: number;
}

/** The device an automated parameter belongs to. */
export interface AutomationDevice {
  readonly name: string;
}

/** One envelope point. */
export interface EnvelopePoint {
  time: number;
  value: number;
  scaling: number;
}

export const PLAYMODE_POINTS = 1;
export const PLAYMODE_LINES = 2;
export const PLAYMODE_CURVES = 3;

const GRID = 256;

/** What an automation needs from its pattern track. @internal */
export interface AutomationOwner {
  readonly number_of_lines: number;
}

export class PatternTrackAutomation extends ModelObject {
  private _points: EnvelopePoint[] = [];
  private _playmode = PLAYMODE_LINES;
  private _selection: [number, number] | undefined;
  /** Listeners of points / playmode changes. @internal */
  readonly changed = new Set<(what: "points" | "playmode" | "selection") => void>();
  /** Play mode: PLAYMODE_POINTS, _LINES (default) or _CURVES. */
  declare playmode: number;
  /** A copy of the points, sorted by time; assigning replaces them all (unsorted is fine; equal quantized times: last wins). */
  declare points: (Omit<EnvelopePoint, "scaling"> & { scaling?: number })[];
  /** The pattern's number of lines. */
  declare readonly length: number;
  declare selection_start: number;
  declare selection_end: number;
  declare selection_range: number[];

  constructor(
    /** @internal */ readonly owner: AutomationOwner,
    readonly dest_device: AutomationDevice,
    readonly dest_parameter: AutomatableParameter,
  ) {
    super();
  }

  /** @internal */
  _getPlaymode(): number {
    return this._playmode;
  }
  /** @internal */
  _setPlaymode(v: number): void {
    if (v !== PLAYMODE_POINTS && v !== PLAYMODE_LINES && v !== PLAYMODE_CURVES) {
      throw new PatternValueError(`PatternTrackAutomation.playmode: ${String(v)} is not one of PLAYMODE_POINTS/LINES/CURVES (1-3)`);
    }
    if (v === this._playmode) return;
    this._playmode = v;
    this.emit("playmode");
  }

  /** @internal */
  _getPoints(): EnvelopePoint[] {
    return this._points.map((p) => ({ ...p }));
  }
  /** @internal */
  _setPoints(list: readonly Partial<EnvelopePoint>[]): void {
    if (!Array.isArray(list)) throw new PatternValueError("PatternTrackAutomation.points: expected a list of {time, value} tables");
    const byTime = new Map<number, EnvelopePoint>();
    (list as readonly (Partial<EnvelopePoint> | undefined)[]).forEach((p, i) => {
      const pt = this.point(p?.time, p?.value, p?.scaling, `PatternTrackAutomation.points[${i + 1}]`);
      byTime.set(pt.time, pt);
    });
    this._points = [...byTime.values()].sort((a, b) => a.time - b.time);
    this.emit("points");
  }

  private quantize(time: number): number {
    const q = this.dest_parameter.time_quantum ?? 1 / GRID;
    return Math.round(Math.round(time * GRID) / (q * GRID)) * q;
  }

  private point(time: unknown, value: unknown, scaling: unknown, what: string): EnvelopePoint {
    if (typeof time !== "number" || Number.isNaN(time)) throw new PatternValueError(`${what}: time must be a number`);
    if (typeof value !== "number" || Number.isNaN(value)) throw new PatternValueError(`${what}: value must be a number`);
    const t = this.quantize(time);
    const length = this.owner.number_of_lines;
    if (t < 1 || t >= length + 1) {
      throw new PatternValueError(`${what}: time ${time} is out of range (1 - ${length + 1}, exclusive)`);
    }
    if (value < 0 || value > 1) throw new PatternValueError(`${what}: value ${value} is out of range (0 - 1.0)`);
    const s = scaling === undefined || scaling === null ? 0 : scaling;
    if (typeof s !== "number" || s < -1 || s > 1) throw new PatternValueError(`${what}: scaling must be a number in -1.0 - 1.0`);
    return { time: t, value, scaling: s };
  }

  private indexAt(time: number): number {
    const t = this.quantize(time);
    return this._points.findIndex((p) => p.time === t);
  }

  /** Whether a point exists at `time`. */
  has_point_at(time: number): boolean {
    return typeof time === "number" && this.indexAt(time) >= 0;
  }

  /** Adds a point, or changes the one at that time. */
  add_point_at(time: number, value: number, scaling?: number): void {
    const p = this.point(time, value, scaling, "PatternTrackAutomation:add_point_at");
    const i = this._points.findIndex((q) => q.time === p.time);
    if (i >= 0) this._points[i] = p;
    else {
      this._points.push(p);
      this._points.sort((a, b) => a.time - b.time);
    }
    this.emit("points");
  }

  /** Removes the point at `time`; raises when there is none. */
  remove_point_at(time: number): void {
    const i = typeof time === "number" ? this.indexAt(time) : -1;
    if (i < 0) {
      throw new PatternValueError(`PatternTrackAutomation:remove_point_at: no point at time ${String(time)}; test has_point_at() first`);
    }
    this._points.splice(i, 1);
    this.emit("points");
  }

  /** Removes every point. */
  clear(): void {
    if (this._points.length === 0) return;
    this._points = [];
    this.emit("points");
  }

  /** Removes the points in [from, to). */
  clear_range(from: number, to: number): void {
    if (typeof from !== "number" || typeof to !== "number") {
      throw new PatternValueError("PatternTrackAutomation:clear_range: expected two times (numbers)");
    }
    const before = this._points.length;
    this._points = this._points.filter((p) => p.time < from || p.time >= to);
    if (this._points.length !== before) this.emit("points");
  }

  /** Copies points and play mode from another automation. */
  copy_from(other: PatternTrackAutomation): void {
    this._playmode = other._playmode;
    this._points = other._getPoints().filter((p) => p.time < this.owner.number_of_lines + 1);
    this.emit("points");
  }

  /** @internal selection in the automation editor; the whole range when nothing is selected. */
  _selectionRange(): [number, number] {
    return this._selection ?? [1, this.owner.number_of_lines + 1];
  }
  /** @internal */
  _select(r: readonly unknown[]): void {
    if (r.length === 0) {
      this._selection = undefined;
    } else {
      const [a, b] = r;
      const max = this.owner.number_of_lines + 1;
      if (typeof a !== "number" || typeof b !== "number" || a < 1 || b > max || b < a) {
        throw new PatternValueError(`PatternTrackAutomation.selection_range: expected {start, end} within 1 - ${max}`);
      }
      this._selection = [a, b];
    }
    this.emit("selection");
  }

  /** Same points and play mode (Renoise's `==`, ignoring the destination). */
  equals(other: PatternTrackAutomation): boolean {
    return (
      this._playmode === other._playmode &&
      this._points.length === other._points.length &&
      this._points.every((p, i) => {
        const q = other._points[i]!;
        return p.time === q.time && p.value === q.value && p.scaling === q.scaling;
      })
    );
  }

  private emit(what: "points" | "playmode" | "selection"): void {
    for (const l of this.changed) l(what);
  }
}

defineModel(PatternTrackAutomation, {
  typeName: "PatternTrackAutomation",
  props: {
    dest_device: { type: "object", readonly: true, get: (a) => a.dest_device },
    dest_parameter: { type: "object", readonly: true, get: (a) => a.dest_parameter },
    length: { type: "integer", readonly: true, get: (a) => a.owner.number_of_lines },
    playmode: { type: "integer", observable: true, get: (a) => a._getPlaymode(), set: (a, v: number) => a._setPlaymode(v) },
    points: { type: "table", observable: true, get: (a) => a._getPoints(), set: (a, v: EnvelopePoint[]) => a._setPoints(v) },
    selection_start: {
      type: "number",
      observable: true,
      get: (a) => a._selectionRange()[0],
      set: (a, v: number) => a._select([v, Math.max(v, a._selectionRange()[1])]),
    },
    selection_end: {
      type: "number",
      observable: true,
      get: (a) => a._selectionRange()[1],
      set: (a, v: number) => a._select([Math.min(v, a._selectionRange()[0]), v]),
    },
    selection_range: { type: "table", observable: true, get: (a) => a._selectionRange(), set: (a, v: number[]) => a._select(v) },
  },
  methods: ["clear", "clear_range", "copy_from", "has_point_at", "add_point_at", "remove_point_at"],
  equals: (a: PatternTrackAutomation, b: PatternTrackAutomation) => a.equals(b),
});
