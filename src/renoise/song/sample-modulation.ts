import { listPath } from "./instrument-paths.js";
/**
 * `renoise.SampleModulationSet` and its modulation devices, as far as
 * Renoise's tests use them: inputs, pitch range, filter type and version,
 * and the eight device kinds with their envelope points and knobs. No sound
 * is computed.
 */
import { checkIndex, defineModel, ModelError, ModelObject, type PropDef } from "../document/model.js";
import { SampleParameter } from "./sample-parameter.js";

export const MODULATION_TARGET = { VOLUME: 1, PANNING: 2, PITCH: 3, CUTOFF: 4, RESONANCE: 5, DRIVE: 6 } as const;
export const MODULATION_OPERATOR = { ADD: 1, SUB: 2, MUL: 3, DIV: 4 } as const;
export const ENVELOPE_MAX_LENGTH = 6144;

/** Filter types per filter version (version 3 is Renoise 3.1+'s list). */
const FILTER_TYPES: Record<number, string[]> = {
  1: ["None", "LP Clean", "LP K35", "LP Moog", "LP Diode", "HP Clean", "HP K35", "HP Moog", "BP Clean", "BP K35", "BP Moog", "BandPass", "BandStop", "Vowel", "Comb", "Decimator", "Dist Shape", "Dist Fold", "AM Sine", "AM Triangle", "AM Saw", "AM Pulse"],
  2: ["None", "LP Clean", "LP K35", "LP Moog", "LP Diode", "HP Clean", "HP K35", "HP Moog", "BP Clean", "BP K35", "BP Moog", "BandPass", "BandStop", "Vowel", "Comb", "Decimator", "Dist Shape", "Dist Fold", "AM Sine", "AM Triangle", "AM Saw", "AM Pulse"],
  3: ["None", "LP Clean", "LP K35", "LP Moog", "LP Diode", "HP Clean", "HP K35", "HP Moog", "BP Clean", "BP K35", "BP Moog", "BandPass", "BandStop", "Vowel", "Comb", "Decimator", "Dist Shape", "Dist Fold", "AM Sine", "AM Triangle", "AM Saw", "AM Pulse"],
};

type Knob = [name: string, min: number, max: number, def: number];

/** One modulation device kind: its path, Lua type and knobs (DeviceParameters). */
interface DeviceKind {
  path: string;
  typeName: string;
  name: string;
  knobs: Record<string, Knob>;
  /** Properties that are other names of knobs (older API names). */
  aliases?: Record<string, string>;
}

const KINDS: DeviceKind[] = [
  { path: "Modulation/Operand", typeName: "SampleOperandModulationDevice", name: "Operand", knobs: { value: ["Value", 0, 1, 1] } },
  {
    path: "Modulation/Fader",
    typeName: "SampleFaderModulationDevice",
    name: "Fader",
    knobs: { from: ["From", 0, 1, 1], to: ["To", 0, 1, 0], duration: ["Duration", 0, 1, 0.5], delay: ["Delay", 0, 1, 0] },
  },
  {
    path: "Modulation/Ahdsr",
    typeName: "SampleAhdsrModulationDevice",
    name: "AHDSR",
    knobs: {
      attack: ["Attack", 0, 1, 0], hold: ["Hold", 0, 1, 0], duration: ["Decay", 0, 1, 0.5],
      sustain: ["Sustain", 0, 1, 1], release: ["Release", 0, 1, 0.2],
    },
  },
  {
    path: "Modulation/Key Tracking",
    typeName: "SampleKeyTrackingModulationDevice",
    name: "Key Tracking",
    knobs: { min: ["Min", 0, 119, 0], max: ["Max", 0, 119, 119] },
  },
  {
    path: "Modulation/Velocity Tracking",
    typeName: "SampleVelocityTrackingModulationDevice",
    name: "Velocity Tracking",
    knobs: { min: ["Min", 0, 127, 0], max: ["Max", 0, 127, 127] },
  },
  { path: "Modulation/Envelope", typeName: "SampleEnvelopeModulationDevice", name: "Envelope", knobs: {} },
  { path: "Modulation/Stepper", typeName: "SampleStepperModulationDevice", name: "Stepper", knobs: {} },
  {
    path: "Modulation/Lfo",
    typeName: "SampleLfoModulationDevice",
    name: "LFO",
    knobs: { phase: ["Phase", 0, 360, 0], frequency: ["Frequency", 0, 1, 0.5], amount: ["Amount", 0, 1, 1], delay: ["Delay", 0, 1, 0] },
    aliases: { dephase: "phase", amplitude: "amount" },
  },
];
const KIND_BY_PATH = new Map(KINDS.map((k) => [k.path, k]));

/** An envelope / stepper point. */
export interface ModulationPoint {
  time: number;
  value: number;
  scaling: number;
}

/** `renoise.SampleModulationDevice` (all kinds share this class; Lua sees each kind's type name). */
export class SampleModulationDevice extends ModelObject {
  /** @internal */ readonly knobs: Record<string, SampleParameter> = {};
  /** @internal envelope / stepper points */ _points: ModulationPoint[] = [];
  declare length: number;

  constructor(
    /** @internal */ readonly kind: DeviceKind,
    target: number,
  ) {
    super();
    for (const [key, [name, min, max, def]] of Object.entries(kind.knobs)) {
      const p = new SampleParameter(name, min, max, def, key);
      p._owner = this;
      this.knobs[key] = p;
    }
    const stepper = kind.path === "Modulation/Stepper";
    Object.assign(this._v, {
      display_name: kind.name,
      enabled: true,
      is_maximized: true,
      target,
      operator: MODULATION_OPERATOR.MUL,
      bipolar: false,
      tempo_synced: false,
      mode: 1,
      scaling: 3,
      play_mode: 2,
      play_step: 0,
      length: stepper ? 16 : 24,
      loop_mode: 1,
      loop_start: 1,
      loop_end: stepper ? 16 : 24,
      sustain_enabled: false,
      sustain_position: 1,
      fade_amount: 0,
      external_editor_visible: false,
    });
  }

  override _path(): string {
    return listPath(this._owner, "devices", this, "modulation_device");
  }

  private maxLength(): number {
    return this.kind.path === "Modulation/Stepper" ? 256 : ENVELOPE_MAX_LENGTH;
  }

  private point(time: unknown, value: unknown, scaling: unknown, what: string): ModulationPoint {
    if (typeof time !== "number" || !Number.isInteger(time) || time < 1 || time > this.length) {
      throw new ModelError(`${what}: time ${String(time)} is out of range (1 - ${this.length})`);
    }
    if (typeof value !== "number" || value < 0 || value > 1) {
      throw new ModelError(`${what}: value ${String(value)} is out of range (0 - 1)`);
    }
    const s = scaling ?? 0;
    if (typeof s !== "number" || s < -1 || s > 1) throw new ModelError(`${what}: scaling must be in -1 - 1`);
    return { time, value, scaling: s };
  }

  init(): void {
    const fresh = new SampleModulationDevice(this.kind, this._v.target as number);
    this._v = { ...fresh._v };
    this._points = [];
    for (const [k, p] of Object.entries(this.knobs)) p._v.value = fresh.knobs[k]!.value_default;
  }

  /** Copies settings, knobs and points of a device of the same kind. */
  copy_from(other: SampleModulationDevice): void {
    if (!(other instanceof SampleModulationDevice)) throw new ModelError("copy_from: expected a modulation device");
    if (other.kind !== this.kind) {
      throw new ModelError(`copy_from: can not copy a ${other.kind.typeName} into a ${this.kind.typeName}`);
    }
    const target = this._v.target;
    this._v = { ...other._v, target };
    this._points = other._points.map((p) => ({ ...p }));
    for (const [k, p] of Object.entries(this.knobs)) p._v.value = other.knobs[k]!._v.value;
  }

  parameter(index: number): SampleParameter {
    const list = Object.values(this.knobs);
    return list[checkIndex("parameter", index, list.length) - 1]!;
  }

  clear_points(): void {
    this._points = [];
    this._notify("points");
  }
  clear_points_in_range(from: number, to: number): void {
    this._points = this._points.filter((p) => p.time < from || p.time >= to);
    this._notify("points");
  }
  copy_points_from(other: SampleModulationDevice): void {
    this._points = other._points.filter((p) => p.time <= this.length).map((p) => ({ ...p }));
    this._notify("points");
  }
  has_point_at(time: number): boolean {
    return this._points.some((p) => p.time === time);
  }
  add_point_at(time: number, value: number, scaling?: number): void {
    const p = this.point(time, value, scaling, "add_point_at");
    this._points = [...this._points.filter((q) => q.time !== p.time), p].sort((a, b) => a.time - b.time);
    this._notify("points");
  }
  remove_point_at(time: number): void {
    if (!this.has_point_at(time)) throw new ModelError(`remove_point_at: there is no point at ${String(time)}`);
    this._points = this._points.filter((p) => p.time !== time);
    this._notify("points");
  }

  /** @internal */
  static setPoints(d: SampleModulationDevice, list: unknown): void {
    if (!Array.isArray(list)) throw new ModelError("points: expected a table of {time, value} tables");
    const byTime = new Map<number, ModulationPoint>();
    for (const p of list as Partial<ModulationPoint>[]) {
      const pt = d.point(p?.time, p?.value, p?.scaling, "points");
      byTime.set(pt.time, pt);
    }
    d._points = [...byTime.values()].sort((a, b) => a.time - b.time);
    d._notify("points");
  }

  /** @internal */
  static lengthRange(d: SampleModulationDevice): [number, number] {
    return [d.kind.path === "Modulation/Stepper" ? 1 : 6, d.maxLength()];
  }
}

const obs = (p: PropDef<SampleModulationDevice>): PropDef<SampleModulationDevice> => ({ ...p, observable: true });
const COMMON: Record<string, PropDef<SampleModulationDevice>> = {
  name: { type: "string", readonly: true, get: (d) => d.kind.name },
  short_name: { type: "string", readonly: true, get: (d) => d.kind.name },
  device_path: { type: "string", readonly: true, get: (d) => d.kind.path },
  display_name: obs({ type: "string" }),
  enabled: obs({ type: "boolean" }),
  is_active: obs({ type: "boolean", get: (d) => d._v.enabled, set: (d, v: boolean) => void d.store("enabled", v) }),
  is_maximized: obs({ type: "boolean" }),
  target: { type: "integer", readonly: true, get: (d) => d._v.target },
  operator: obs({ type: "integer", min: 1, max: 4 }),
  bipolar: obs({ type: "boolean" }),
  tempo_sync_switching_allowed: { type: "boolean", readonly: true, get: () => true },
  tempo_synced: obs({ type: "boolean" }),
  parameters: { type: "table", readonly: true, get: (d) => Object.values(d.knobs) },
};
const POINTS: Record<string, PropDef<SampleModulationDevice>> = {
  external_editor_visible: obs({ type: "boolean" }),
  play_mode: obs({ type: "integer", min: 1, max: 3 }),
  length: obs({
    type: "integer",
    range: (d) => SampleModulationDevice.lengthRange(d),
    set: (d, v: number) => {
      d.store("length", v);
      d._points = d._points.filter((p) => p.time <= v);
      if ((d._v.loop_end as number) > v) d.store("loop_end", v);
      if ((d._v.loop_start as number) > v) d.store("loop_start", v);
      if ((d._v.sustain_position as number) > v) d.store("sustain_position", v);
    },
  }),
  points: obs({
    type: "table",
    get: (d) => d._points.map((p) => ({ ...p })),
    set: (d, v: unknown) => SampleModulationDevice.setPoints(d, v),
  }),
};
const ENVELOPE: Record<string, PropDef<SampleModulationDevice>> = {
  loop_mode: obs({ type: "integer", min: 1, max: 4 }),
  loop_start: obs({ type: "integer", range: (d) => [1, d.length] }),
  loop_end: obs({ type: "integer", range: (d) => [1, d.length] }),
  sustain_enabled: obs({ type: "boolean" }),
  sustain_position: obs({ type: "integer", range: (d) => [1, d.length] }),
  fade_amount: obs({ type: "integer", min: 0, max: 4095 }),
};
const POINT_METHODS = ["clear_points", "clear_points_in_range", "copy_points_from", "has_point_at", "add_point_at", "remove_point_at"];

/** One subclass per kind so Lua's `type()` names the kind. */
const CLASSES = new Map<string, new (kind: DeviceKind, target: number) => SampleModulationDevice>();
for (const kind of KINDS) {
  const cls = class extends SampleModulationDevice {};
  const props: Record<string, PropDef<SampleModulationDevice>> = { ...COMMON };
  for (const key of Object.keys(kind.knobs)) props[key] = { type: "object", readonly: true, get: (d) => d.knobs[key] };
  for (const [alias, key] of Object.entries(kind.aliases ?? {})) props[alias] = { type: "object", readonly: true, get: (d) => d.knobs[key] };
  const methods = ["init", "copy_from", "parameter"];
  if (kind.path === "Modulation/Envelope" || kind.path === "Modulation/Stepper") {
    Object.assign(props, POINTS);
    methods.push(...POINT_METHODS);
  }
  if (kind.path === "Modulation/Envelope") Object.assign(props, ENVELOPE);
  if (kind.path === "Modulation/Stepper") props.play_step = obs({ type: "integer", min: -1, max: 16 });
  if (kind.path === "Modulation/Lfo") props.mode = obs({ type: "integer", min: 1, max: 4 });
  if (kind.path === "Modulation/Velocity Tracking") props.mode = obs({ type: "integer", min: 1, max: 2 });
  if (kind.path === "Modulation/Fader") props.scaling = obs({ type: "integer", min: 1, max: 5 });
  defineModel(cls, { typeName: kind.typeName, props, methods });
  CLASSES.set(kind.path, cls);
}

const INPUTS: [key: string, name: string][] = [
  ["volume_input", "Volume"],
  ["panning_input", "Panning"],
  ["pitch_input", "Pitch"],
  ["cutoff_input", "Cutoff"],
  ["resonance_input", "Resonance"],
  ["drive_input", "Drive"],
];

/** `renoise.SampleModulationSet`. */
export class SampleModulationSet extends ModelObject {
  /** @internal */ readonly inputs: Record<string, SampleParameter> = {};
  /** @internal */ _devices: SampleModulationDevice[] = [];
  declare filter_type: string;
  declare filter_version: number;

  constructor(name = "Modulation") {
    super();
    for (const [key, label] of INPUTS) {
      const p = new SampleParameter(label, 0, 1, key === "volume_input" ? 1 : 0.5, key);
      p._owner = this;
      this.inputs[key] = p;
    }
    Object.assign(this._v, { name, pitch_range: 12, filter_version: 3, filter_type: "None" });
  }

  override _path(): string {
    return listPath(this._owner, "sample_modulation_sets", this, "sample_modulation_set");
  }

  declare readonly devices: SampleModulationDevice[];

  init(): void {
    this._devices = [];
    Object.assign(this._v, { pitch_range: 12, filter_version: 3, filter_type: "None" });
  }

  copy_from(other: SampleModulationSet): void {
    if (other === this) return;
    this._v = { ...other._v, name: this._v.name };
    this._devices = other._devices.map((d) => {
      const c = new (CLASSES.get(d.kind.path)!)(d.kind, d._v.target as number);
      c.copy_from(d);
      c._owner = this;
      return c;
    });
  }

  /** Inserts a modulation device of a kind (`available_devices`) for a target (TARGET_*). */
  insert_device_at(device_path: string, target_type: number, index: number): SampleModulationDevice {
    const cls = CLASSES.get(device_path);
    if (!cls) {
      throw new ModelError(`SampleModulationSet:insert_device_at: unknown device '${String(device_path)}' (see available_devices)`);
    }
    if (typeof target_type !== "number" || !Number.isInteger(target_type) || target_type < 1 || target_type > 6) {
      throw new ModelError(`SampleModulationSet:insert_device_at: target ${String(target_type)} is not one of TARGET_* (1 - 6)`);
    }
    const i = checkIndex("SampleModulationSet:insert_device_at", index, this._devices.length + 1);
    const d = new cls(KIND_BY_PATH.get(device_path)!, target_type);
    d._owner = this;
    this._devices.splice(i - 1, 0, d);
    this._called("insert_device_at", [device_path, target_type, index]);
    this._notify("devices");
    return d;
  }

  delete_device_at(index: number): void {
    const i = checkIndex("SampleModulationSet:delete_device_at", index, this._devices.length);
    this._devices.splice(i - 1, 1);
    this._notify("devices");
  }

  device(index: number): SampleModulationDevice {
    return this._devices[checkIndex("SampleModulationSet:device", index, this._devices.length) - 1]!;
  }

  upgrade_filter_version(): void {
    this.store("filter_version", 3);
  }
}

defineModel(SampleModulationSet, {
  typeName: "SampleModulationSet",
  props: {
    name: { type: "string", observable: true },
    ...Object.fromEntries(
      INPUTS.map(([key]) => [key, { type: "object", readonly: true, get: (s: SampleModulationSet) => s.inputs[key] }]),
    ),
    pitch_range: { type: "integer", min: 1, max: 96, observable: true },
    available_devices: { type: "table", readonly: true, get: () => KINDS.map((k) => k.path) },
    devices: { type: "table", readonly: true, get: (s) => [...s._devices] },
    filter_version: { type: "integer", readonly: true, get: (s) => s._v.filter_version },
    available_filter_types: { type: "table", readonly: true, get: (s) => [...FILTER_TYPES[s._v.filter_version as number]!] },
    filter_type: {
      type: "string",
      observable: true,
      // Matched case-insensitively, stored as Renoise spells it.
      set: (s, v: string) => {
        const hit = FILTER_TYPES[s._v.filter_version as number]!.find((t) => t.toLowerCase() === v.toLowerCase());
        if (!hit) throw new ModelError(`SampleModulationSet.filter_type: "${v}" is not one of available_filter_types`);
        s.store("filter_type", hit);
      },
    },
  },
  observables: ["devices_observable"],
  methods: ["init", "copy_from", "insert_device_at", "delete_device_at", "device", "upgrade_filter_version"],
});
