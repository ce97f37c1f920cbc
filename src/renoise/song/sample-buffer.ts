import { defineModel, ModelError, ModelObject } from "../document/model.js";

/** `renoise.SampleBuffer.CHANNEL_*`. */
export const CHANNEL = { LEFT: 1, RIGHT: 2, LEFT_AND_RIGHT: 3 } as const;
const BIT_DEPTHS = [8, 16, 24, 32];

interface Data {
  rate: number;
  bits: number;
  frames: number;
  channels: Float32Array[];
}

/**
 * `renoise.SampleBuffer`: a sample's audio data, one Float32Array per
 * channel. Values are clamped to -1..1 and kept as 32-bit floats whatever
 * the bit depth (no quantization to 8/16/24 bits). A slice alias's buffer is
 * read-only.
 */
export class SampleBuffer extends ModelObject {
  /** @internal */ _data: Data | undefined;
  private preparing = false;
  /** @internal set by the sample for slice aliases */
  _readOnly = false;
  declare readonly has_sample_data: boolean;
  declare readonly read_only: boolean;
  declare readonly sample_rate: number;
  declare readonly bit_depth: number;
  declare readonly number_of_channels: number;
  declare readonly number_of_frames: number;
  declare display_start: number;
  declare display_length: number;
  declare display_range: number[];
  declare vertical_zoom_factor: number;
  declare selection_start: number;
  declare selection_end: number;
  declare selection_range: number[];
  declare selected_channel: number;

  constructor() {
    super();
    this._v.vertical_zoom_factor = 1;
  }

  override _path(): string {
    return `${this._owner?._path() ?? "sample"}.sample_buffer`;
  }

  /** @internal the data, or a Renoise-like error when there is none. */
  _need(what: string): Data {
    if (!this._data) throw new ModelError(`SampleBuffer.${what}: the sample buffer has no sample data (test has_sample_data first)`);
    return this._data;
  }

  private writable(what: string): void {
    if (this._readOnly) throw new ModelError(`SampleBuffer:${what}: the sample buffer is read-only (a slice alias)`);
  }

  /** Creates new (silent) data; returns true. Raises for invalid formats. */
  create_sample_data(sample_rate: number, bit_depth: number, num_channels: number, num_frames: number): boolean {
    this.writable("create_sample_data");
    const int = (v: unknown, lo: number, hi: number, what: string): number => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) {
        throw new ModelError(`SampleBuffer:create_sample_data: ${what} ${String(v)} is out of range (${lo} - ${hi})`);
      }
      return v;
    };
    const rate = int(sample_rate, 1, 192000, "sample_rate");
    if (!BIT_DEPTHS.includes(bit_depth)) {
      throw new ModelError(`SampleBuffer:create_sample_data: bit_depth must be 8, 16, 24 or 32, got ${String(bit_depth)}`);
    }
    const channels = int(num_channels, 1, 2, "num_channels");
    const frames = int(num_frames, 1, 0x7fffffff, "num_frames");
    this._data = { rate, bits: bit_depth, frames, channels: Array.from({ length: channels }, () => new Float32Array(frames)) };
    Object.assign(this._v, {
      display_start: 1,
      display_length: frames,
      selection_start: 1,
      selection_end: frames,
      selected_channel: channels === 2 ? CHANNEL.LEFT_AND_RIGHT : CHANNEL.LEFT,
    });
    this._called("create_sample_data", [sample_rate, bit_depth, num_channels, num_frames]);
    (this._owner as { _dataChanged?: () => void } | undefined)?._dataChanged?.();
    return true;
  }

  /** Deletes the data. */
  delete_sample_data(): void {
    this.writable("delete_sample_data");
    this._data = undefined;
    this._called("delete_sample_data", []);
    (this._owner as { _dataChanged?: () => void } | undefined)?._dataChanged?.();
  }

  private index(channel: unknown, frame: unknown, what: string): [Float32Array, number] {
    const d = this._need(what);
    if (typeof channel !== "number" || !Number.isInteger(channel) || channel < 1 || channel > d.channels.length) {
      throw new ModelError(`SampleBuffer:${what}: channel ${String(channel)} is out of range (1 - ${d.channels.length})`);
    }
    if (typeof frame !== "number" || !Number.isInteger(frame) || frame < 1 || frame > d.frames) {
      throw new ModelError(`SampleBuffer:${what}: frame ${String(frame)} is out of range (1 - ${d.frames})`);
    }
    return [d.channels[channel - 1]!, frame - 1];
  }

  /** One sample value (-1..1). */
  sample_data(channel_index: number, frame_index: number): number {
    const [ch, i] = this.index(channel_index, frame_index, "sample_data");
    return ch[i]!;
  }

  /** Sets one sample value, clamped to -1..1. */
  set_sample_data(channel_index: number, frame_index: number, value: number): void {
    this.writable("set_sample_data");
    const [ch, i] = this.index(channel_index, frame_index, "set_sample_data");
    if (typeof value !== "number" || Number.isNaN(value)) throw new ModelError("SampleBuffer:set_sample_data: value must be a number");
    ch[i] = value > 1 ? 1 : value < -1 ? -1 : value;
  }

  /** Announces a batch of set_sample_data calls (no effect on the data here). */
  prepare_sample_data_changes(): void {
    this._need("prepare_sample_data_changes");
    this.preparing = true;
  }

  /** Ends a batch of changes (recorded in the trace). */
  finalize_sample_data_changes(): void {
    this._need("finalize_sample_data_changes");
    this.preparing = false;
    this._called("finalize_sample_data_changes", []);
  }

  /** @internal for file IO (WAV). */
  get _preparing(): boolean {
    return this.preparing;
  }
}

const needData = (b: SampleBuffer, what: string): number => b._need(what).frames;

function frameProp(name: string, min = 1, extra = 0) {
  return {
    type: "integer" as const,
    observable: true,
    range: (b: SampleBuffer): [number, number] => [min, needData(b, name) + extra],
    get: (b: SampleBuffer) => (b._need(name), b._v[name]),
  };
}

defineModel(SampleBuffer, {
  typeName: "SampleBuffer",
  props: {
    has_sample_data: { type: "boolean", readonly: true, get: (b) => b._data !== undefined },
    read_only: { type: "boolean", readonly: true, get: (b) => b._readOnly },
    sample_rate: { type: "integer", readonly: true, get: (b) => b._need("sample_rate").rate },
    bit_depth: { type: "integer", readonly: true, get: (b) => b._need("bit_depth").bits },
    number_of_channels: { type: "integer", readonly: true, get: (b) => b._need("number_of_channels").channels.length },
    number_of_frames: { type: "integer", readonly: true, get: (b) => b._need("number_of_frames").frames },
    display_start: {
      ...frameProp("display_start"),
      set: (b, v: number) => {
        b.store("display_start", v);
        const maxLen = needData(b, "display_start") - v + 1;
        if ((b._v.display_length as number) > maxLen) b.store("display_length", maxLen);
        b._notify("display_range");
      },
    },
    display_length: {
      ...frameProp("display_length"),
      set: (b, v: number) => {
        b.store("display_length", v);
        const maxStart = needData(b, "display_length") - v + 1;
        if ((b._v.display_start as number) > maxStart) b.store("display_start", maxStart);
        b._notify("display_range");
      },
    },
    display_range: {
      type: "table",
      observable: true,
      get: (b) => (b._need("display_range"), [b._v.display_start as number, (b._v.display_start as number) + (b._v.display_length as number)]),
      check: (b, v: unknown[]) => {
        const frames = needData(b, "display_range");
        const [a, e] = v as number[];
        if (v.length !== 2 || typeof a !== "number" || typeof e !== "number") return "display_range: expected {start, end}";
        if (a < 1 || e > frames + 1 || e <= a) return `display_range: {${a}, ${e}} is not a range within 1 - ${frames + 1}`;
        return undefined;
      },
      set: (b, v: number[]) => {
        b.store("display_start", v[0]!);
        b.store("display_length", v[1]! - v[0]!);
        b._notify("display_range");
      },
    },
    vertical_zoom_factor: { type: "number", min: 0, max: 1, observable: true },
    selection_start: {
      ...frameProp("selection_start"),
      set: (b, v: number) => {
        b.store("selection_start", v);
        if ((b._v.selection_end as number) < v) b.store("selection_end", v);
        b._notify("selection_range");
      },
    },
    selection_end: {
      ...frameProp("selection_end"),
      set: (b, v: number) => {
        b.store("selection_end", v);
        if ((b._v.selection_start as number) > v) b.store("selection_start", v);
        b._notify("selection_range");
      },
    },
    selection_range: {
      type: "table",
      observable: true,
      get: (b) => (b._need("selection_range"), [b._v.selection_start, b._v.selection_end]),
      check: (b, v: unknown[]) => {
        const frames = needData(b, "selection_range");
        const [a, e] = v as number[];
        if (v.length !== 2 || typeof a !== "number" || typeof e !== "number") return "selection_range: expected {start, end}";
        if (a < 1 || e > frames || e < a) return `selection_range: {${a}, ${e}} is not a range within 1 - ${frames}`;
        return undefined;
      },
      set: (b, v: number[]) => {
        b.store("selection_start", v[0]!);
        b.store("selection_end", v[1]!);
        b._notify("selection_range");
      },
    },
    selected_channel: {
      type: "integer",
      observable: true,
      get: (b) => (b._need("selected_channel"), b._v.selected_channel),
      check: (b, v: number) => {
        const n = b._need("selected_channel").channels.length;
        if (v < 1 || v > 3) return `selected_channel: ${v} is not one of CHANNEL_LEFT, CHANNEL_RIGHT, CHANNEL_LEFT_AND_RIGHT`;
        if (n === 1 && v !== CHANNEL.LEFT) return "selected_channel: a mono sample only has CHANNEL_LEFT";
        return undefined;
      },
    },
  },
  methods: [
    "create_sample_data",
    "delete_sample_data",
    "sample_data",
    "set_sample_data",
    "prepare_sample_data_changes",
    "finalize_sample_data_changes",
  ],
});
