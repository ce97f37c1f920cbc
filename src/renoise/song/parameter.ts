import { defineModel, ModelError, ModelObject } from "../document/model.js";
import type { Observable } from "../document/observable.js";
import { formatValue, parseValue, POLARITY_BIPOLAR, POLARITY_UNIPOLAR, type ParameterSpec } from "./parameter-spec.js";

/**
 * `renoise.DeviceParameter`: one parameter of a track device. Values are
 * checked against `value_min`..`value_max` (out of range raises, nothing
 * changes) and snapped to `value_quantum` when it is not 0. Every change is a
 * `song.set` of `...parameters[i].value` and fires `value_observable`, then
 * `value_string_observable`.
 */
export class DeviceParameter extends ModelObject {
  declare readonly name: string;
  declare readonly polarity: number;
  declare readonly value_min: number;
  declare readonly value_max: number;
  declare readonly value_quantum: number;
  declare readonly value_default: number;
  declare readonly time_quantum: number;
  declare readonly is_automatable: boolean;
  declare readonly is_automated: boolean;
  declare readonly is_midi_mapped: boolean;
  declare show_in_mixer: boolean;
  declare value: number;
  declare value_string: string;
  declare readonly value_observable: Observable;
  declare readonly value_string_observable: Observable;
  declare readonly show_in_mixer_observable: Observable;
  declare readonly is_automated_observable: Observable;
  declare readonly is_midi_mapped_observable: Observable;

  /** @internal called after the value changed (the device mirrors `is_active` with it). */
  _onValue: ((value: number) => void) | undefined;
  private readonly recorded: number[] = [];

  constructor(
    readonly spec: ParameterSpec,
    /** @internal this parameter's path below its device, e.g. "parameters[2]". */
    readonly _slot = "parameter",
    owner?: ModelObject,
  ) {
    super();
    this._owner = owner;
    this._v.value = spec.default;
    this._v.show_in_mixer = false;
  }

  /** @internal */
  override _path(): string {
    const device = this._owner?._path() ?? "";
    return device ? `${device}.${this._slot}` : this._slot;
  }

  /**
   * `record_value`: sets the value like `value =` and, in Renoise, writes
   * automation while MIDI-mapped recording is on. Here the value is set and
   * the call recorded (a `song.call` event, and {@link recordedValues}).
   */
  record_value(value: number): void {
    if (typeof value !== "number") {
      throw new ModelError(`bad argument #1 to 'record_value' of an object of type 'DeviceParameter': number expected, got ${value === undefined ? "nil" : typeof value}`);
    }
    const err = rangeError(this, value, "record_value");
    if (err) throw new ModelError(err);
    this._called("record_value", [value]);
    this.recorded.push(value);
    this.value = value;
  }

  /** Values passed to `record_value`, oldest first (TypeScript only). */
  get recordedValues(): readonly number[] {
    return this.recorded;
  }

  /** @internal the master's BPM/LPB/TPL read the song's transport; other parameters their own value. */
  _transport(): Record<"bpm" | "lpb" | "tpl", number> | undefined {
    if (!this.spec.transport) return undefined;
    const song = this._owner?._owner?._owner as { transport?: Record<"bpm" | "lpb" | "tpl", number> } | undefined;
    return song?.transport;
  }

  /** @internal the current value. */
  _value(): number {
    const t = this._transport();
    return t ? t[this.spec.transport!] : (this._v.value as number);
  }

  /** @internal sets the value without range checks (presets); stores, records and notifies. */
  _assign(value: number): void {
    const t = this._transport();
    if (t) {
      // The transport records and notifies its own property; the parameter's observables follow.
      const key = this.spec.transport!;
      if (t[key] === value) return;
      t[key] = value;
      this._notify("value");
      this._notify("value_string");
      return;
    }
    if (!this.store("value", value)) return;
    this._notify("value_string");
    this._onValue?.(value);
  }
}

/** Numbers in errors: at most 6 decimals, as the model kit prints them. */
const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

function snap(p: DeviceParameter, v: number): number {
  const { min, max, quantum } = p.spec;
  const c = Math.min(max, Math.max(min, v));
  return quantum > 0 ? Math.min(max, min + Math.round((c - min) / quantum) * quantum) : c;
}

function rangeError(p: DeviceParameter, v: number, prop: string): string | undefined {
  const { min, max } = p.spec;
  if (Number.isNaN(v) || v < min || v > max) {
    return `invalid value for property '${prop}' of an object of type 'DeviceParameter': ${num(v)} is out of range (${num(min)} - ${num(max)}) for parameter '${p.spec.name}'`;
  }
  return undefined;
}

defineModel(DeviceParameter, {
  typeName: "DeviceParameter",
  props: {
    name: { type: "string", readonly: true, luaKeep: "constant", get: (p) => p.spec.name },
    polarity: { type: "integer", readonly: true, luaKeep: "constant", get: (p) => (p.spec.polarity === 2 ? POLARITY_BIPOLAR : POLARITY_UNIPOLAR) },
    value_min: { type: "number", readonly: true, luaKeep: "constant", get: (p) => p.spec.min },
    value_max: { type: "number", readonly: true, luaKeep: "constant", get: (p) => p.spec.max },
    value_quantum: { type: "number", readonly: true, luaKeep: "constant", get: (p) => p.spec.quantum },
    value_default: { type: "number", readonly: true, luaKeep: "constant", get: (p) => p.spec.default },
    time_quantum: { type: "number", readonly: true, luaKeep: "constant", get: (p) => p.spec.time_quantum },
    is_automatable: { type: "boolean", readonly: true, luaKeep: "constant", get: (p) => p.spec.automatable },
    is_automated: { type: "boolean", readonly: true, get: () => false },
    is_midi_mapped: { type: "boolean", readonly: true, get: () => false },
    show_in_mixer: { type: "boolean", observable: true },
    value: {
      type: "number",
      observable: true,
      get: (p) => p._value(),
      check: (p, v: number) => rangeError(p, v, "value"),
      set: (p, v: number) => p._assign(snap(p, v)),
    },
    value_string: {
      type: "string",
      observable: true,
      get: (p) => formatValue(p.spec, p._value()),
      set: (p, text: string) => {
        const v = parseValue(p.spec, text);
        if (v === undefined) {
          throw new ModelError(
            `invalid value for property 'value_string' of an object of type 'DeviceParameter': '${text}' is not a value of parameter '${p.spec.name}' (like '${formatValue(p.spec, p.spec.default)}')`,
          );
        }
        // Typed text beyond the range is clamped to it, as Renoise's value fields do.
        p._assign(snap(p, v));
      },
    },
  },
  observables: ["is_automated_observable", "is_midi_mapped_observable"],
  methods: ["record_value"],
  tostring: (p: DeviceParameter) => `DeviceParameter: ${p.spec.name}`,
});
