import { listPath } from "./instrument-paths.js";
import { defineModel, ModelError, ModelObject } from "../document/model.js";
import { noteRange } from "./instrument-properties.js";
import { SampleBuffer } from "./sample-buffer.js";

/** `renoise.Sample.*` constants. */
export const SAMPLE_CONSTANTS = {
  INTERPOLATE_NONE: 1,
  INTERPOLATE_LINEAR: 2,
  INTERPOLATE_CUBIC: 3,
  INTERPOLATE_SINC: 4,
  LOOP_MODE_OFF: 1,
  LOOP_MODE_FORWARD: 2,
  LOOP_MODE_REVERSE: 3,
  LOOP_MODE_PING_PONG: 4,
  BEAT_SYNC_REPITCH: 1,
  BEAT_SYNC_PERCUSSION: 2,
  BEAT_SYNC_TEXTURE: 3,
  NEW_NOTE_ACTION_NOTE_CUT: 1,
  NEW_NOTE_ACTION_NOTE_OFF: 2,
  NEW_NOTE_ACTION_SUSTAIN: 3,
} as const;

/** `renoise.Instrument.LAYER_*`. */
export const LAYER = { NOTE_DISABLED: 0, NOTE_ON: 1, NOTE_OFF: 2 } as const;

/** What a sample needs from its instrument. @internal */
export interface SampleParent {
  /** Slice markers of the first sample changed: rebuild the slice aliases. */
  _slicesChanged(master: Sample): void;
  /** A mapping moved to another layer. */
  _layerChanged(): void;
  _isFirstSample(s: Sample): boolean;
}

function velocityRange(v: unknown, what: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === "number" && Number.isInteger(n))) {
    throw new ModelError(`${what}: expected a table of two velocities {low, high}`);
  }
  const [a, b] = v as number[];
  if (a! < 0 || a! > 127 || b! < 0 || b! > 127) throw new ModelError(`${what}: velocities must be in 0 - 127, got {${a}, ${b}}`);
  return a! <= b! ? [a!, b!] : [b!, a!];
}

/** `renoise.SampleMapping`: where a sample sits in the instrument's keyboard and velocity map. */
export class SampleMapping extends ModelObject {
  declare layer: number;
  declare map_velocity_to_volume: boolean;
  declare map_key_to_pitch: boolean;
  declare base_note: number;
  declare note_range: number[];
  declare velocity_range: number[];

  constructor(readonly sample: Sample) {
    super();
    Object.assign(this._v, {
      layer: LAYER.NOTE_ON,
      map_velocity_to_volume: true,
      map_key_to_pitch: true,
      base_note: 48,
      note_range: [0, 119],
      velocity_range: [0, 127],
    });
  }

  override _path(): string {
    return `${this.sample._path()}.sample_mapping`;
  }
}

defineModel(SampleMapping, {
  typeName: "SampleMapping",
  props: {
    read_only: { type: "boolean", readonly: true, get: (m) => m.sample.is_slice_alias },
    sample: { type: "object", readonly: true, get: (m) => m.sample },
    layer: {
      type: "integer",
      observable: true,
      min: 1,
      max: 2,
      set: (m, v: number) => {
        if (m.store("layer", v)) (m.sample._owner as unknown as SampleParent | undefined)?._layerChanged();
      },
    },
    map_velocity_to_volume: { type: "boolean", observable: true },
    map_key_to_pitch: { type: "boolean", observable: true },
    base_note: { type: "integer", min: 0, max: 119, observable: true },
    note_range: {
      type: "table",
      observable: true,
      get: (m) => [...(m._v.note_range as number[])],
      set: (m, v: unknown) => void m.store("note_range", noteRange(v, "SampleMapping.note_range")),
    },
    velocity_range: {
      type: "table",
      observable: true,
      get: (m) => [...(m._v.velocity_range as number[])],
      set: (m, v: unknown) => void m.store("velocity_range", velocityRange(v, "SampleMapping.velocity_range")),
    },
  },
});

/**
 * `renoise.Sample`: its playback properties, its {@link SampleBuffer} and its
 * {@link SampleMapping}. Slice markers live on an instrument's first sample;
 * each marker adds a slice alias sample after it (read-only buffer).
 */
export class Sample extends ModelObject {
  readonly sample_buffer = new SampleBuffer();
  readonly sample_mapping: SampleMapping;
  /** @internal the sliced sample this alias belongs to */
  _sliceOf: Sample | undefined;
  /** @internal */
  _markers: number[] = [];
  declare name: string;
  declare slice_markers: number[];
  declare loop_start: number;
  declare loop_end: number;

  constructor() {
    super();
    this.sample_buffer._owner = this;
    this.sample_mapping = new SampleMapping(this);
    this.sample_mapping._owner = this;
    Object.assign(this._v, {
      name: "",
      panning: 0.5,
      volume: 1,
      transpose: 0,
      fine_tune: 0,
      beat_sync_enabled: false,
      beat_sync_lines: 16,
      beat_sync_mode: SAMPLE_CONSTANTS.BEAT_SYNC_REPITCH,
      interpolation_mode: SAMPLE_CONSTANTS.INTERPOLATE_CUBIC,
      oversample_enabled: false,
      new_note_action: SAMPLE_CONSTANTS.NEW_NOTE_ACTION_NOTE_CUT,
      oneshot: false,
      mute_group: 0,
      autoseek: false,
      autofade: false,
      loop_mode: SAMPLE_CONSTANTS.LOOP_MODE_OFF,
      loop_release: false,
      loop_start: 1,
      loop_end: 1,
      modulation_set_index: 0,
      device_chain_index: 0,
    });
  }

  override _path(): string {
    return listPath(this._owner, "samples", this, "sample");
  }

  declare readonly is_slice_alias: boolean;

  /** @internal new data: the loop spans it. */
  _dataChanged(): void {
    const frames = this.sample_buffer._data?.frames ?? 1;
    this._v.loop_start = 1;
    this._v.loop_end = frames;
  }

  private frames(what: string): number {
    return this.sample_buffer._need(what).frames;
  }

  private parent(): SampleParent | undefined {
    return this._owner as unknown as SampleParent | undefined;
  }

  private setMarkers(list: number[], what: string): void {
    if (this.is_slice_alias) throw new ModelError(`Sample:${what}: a slice alias can not be sliced`);
    const parent = this.parent();
    if (parent && !parent._isFirstSample(this)) {
      throw new ModelError(`Sample:${what}: only an instrument's first sample can be sliced`);
    }
    this._markers = [...new Set(list)].sort((a, b) => a - b);
    this._notify("slice_markers");
    parent?._slicesChanged(this);
  }

  private checkMarker(pos: unknown, what: string): number {
    const frames = this.frames(what);
    if (typeof pos !== "number" || !Number.isInteger(pos) || pos < 1 || pos > frames + 1) {
      throw new ModelError(`Sample:${what}: position ${String(pos)} is out of range (1 - ${frames + 1})`);
    }
    return pos;
  }

  insert_slice_marker(pos: number): void {
    const p = this.checkMarker(pos, "insert_slice_marker");
    if (this._markers.includes(p)) throw new ModelError(`Sample:insert_slice_marker: there already is a marker at ${p}`);
    this.setMarkers([...this._markers, p], "insert_slice_marker");
  }

  delete_slice_marker(pos: number): void {
    if (!this._markers.includes(pos)) throw new ModelError(`Sample:delete_slice_marker: there is no marker at ${String(pos)}`);
    this.setMarkers(this._markers.filter((m) => m !== pos), "delete_slice_marker");
  }

  move_slice_marker(old_pos: number, new_pos: number): void {
    if (!this._markers.includes(old_pos)) throw new ModelError(`Sample:move_slice_marker: there is no marker at ${String(old_pos)}`);
    const p = this.checkMarker(new_pos, "move_slice_marker");
    this.setMarkers([...this._markers.filter((m) => m !== old_pos), p], "move_slice_marker");
  }

  /** Resets every property and deletes the data (not the name... Renoise clears it too). */
  clear(): void {
    const fresh = new Sample();
    this._v = { ...fresh._v };
    this.sample_buffer._data = undefined;
  }

  /** Copies another sample's properties and data. */
  copy_from(other: Sample): void {
    if (other === this) return;
    this._v = { ...other._v };
    const d = other.sample_buffer._data;
    this.sample_buffer._data = d && { ...d, channels: d.channels.map((c) => c.slice()) };
    Object.assign(this.sample_mapping._v, other.sample_mapping._v);
  }

  /** @internal */
  static loopCheck(s: Sample, v: number, name: string): string | undefined {
    const frames = s.sample_buffer._data?.frames;
    if (frames === undefined) return `Sample.${name}: the sample has no data`;
    if (v < 1 || v > frames) return `invalid value for property '${name}' of an object of type 'Sample': ${v} is out of range (1 - ${frames})`;
    return undefined;
  }
}

const C = SAMPLE_CONSTANTS;
const obs = <T extends object>(p: T) => ({ ...p, observable: true });

defineModel(Sample, {
  typeName: "Sample",
  props: {
    is_slice_alias: { type: "boolean", readonly: true, get: (s) => s._sliceOf !== undefined },
    slice_markers: {
      type: "table",
      observable: true,
      get: (s) => [...s._markers],
      check: (s, v: unknown[]) => {
        const frames = s.sample_buffer._data?.frames;
        if (frames === undefined) return "Sample.slice_markers: the sample has no data";
        return v.every((m) => typeof m === "number" && Number.isInteger(m) && m >= 1 && m <= frames + 1)
          ? undefined
          : `Sample.slice_markers: markers must be frame positions in 1 - ${frames + 1}`;
      },
      set: (s, v: number[]) => (s as unknown as { setMarkers(l: number[], w: string): void }).setMarkers(v, "slice_markers"),
    },
    name: obs({ type: "string" }),
    panning: obs({ type: "number", min: 0, max: 1 }),
    volume: obs({ type: "number", min: 0, max: 4 }),
    transpose: obs({ type: "integer", min: -120, max: 120 }),
    fine_tune: obs({ type: "integer", min: -127, max: 127 }),
    beat_sync_enabled: obs({ type: "boolean" }),
    beat_sync_lines: obs({ type: "integer", min: 1, max: 512 }),
    beat_sync_mode: obs({ type: "integer", min: C.BEAT_SYNC_REPITCH, max: C.BEAT_SYNC_TEXTURE }),
    interpolation_mode: obs({ type: "integer", min: C.INTERPOLATE_NONE, max: C.INTERPOLATE_SINC }),
    oversample_enabled: obs({ type: "boolean" }),
    new_note_action: obs({ type: "integer", min: C.NEW_NOTE_ACTION_NOTE_CUT, max: C.NEW_NOTE_ACTION_SUSTAIN }),
    oneshot: obs({ type: "boolean" }),
    mute_group: obs({ type: "integer", min: 0, max: 15 }),
    autoseek: obs({ type: "boolean" }),
    autofade: obs({ type: "boolean" }),
    loop_mode: obs({ type: "integer", min: C.LOOP_MODE_OFF, max: C.LOOP_MODE_PING_PONG }),
    loop_release: obs({ type: "boolean" }),
    loop_start: obs({ type: "integer", check: (s: Sample, v: number) => Sample.loopCheck(s, v, "loop_start") }),
    loop_end: obs({ type: "integer", check: (s: Sample, v: number) => Sample.loopCheck(s, v, "loop_end") }),
    modulation_set_index: obs({ type: "integer", min: 0 }),
    device_chain_index: obs({ type: "integer", min: 0 }),
    sample_buffer: { type: "object", readonly: true, get: (s) => s.sample_buffer },
    sample_mapping: { type: "object", readonly: true, get: (s) => s.sample_mapping },
  },
  observables: ["sample_buffer_observable"],
  methods: ["clear", "copy_from", "insert_slice_marker", "delete_slice_marker", "move_slice_marker"],
});
