import { formatValue, parseValue, type ParameterSpec } from "./parameter-spec.js";
import { TrackError, describe } from "./track-errors.js";
import { ObservableSet, type ChangeSink, type TrackObservable } from "./track-observables.js";

/** How close to a bound a value may be and still count as in range (float noise from dB conversions). */
const SLACK = 1e-9;

/**
 * `renoise.DeviceParameter`: one parameter of a track device. Values are
 * checked against `value_min`..`value_max` (out of range raises, nothing
 * changes) and snapped to `value_quantum` when it is not 0.
 */
export class DeviceParameter {
  /** The observables (`value_observable` is `observables.get("value")`). */
  readonly observables = new ObservableSet();
  /** Where changes are reported; set by the owning device. */
  onChange: ChangeSink | undefined;
  /** Called after the value changed (the device uses it for `is_active`). */
  onValue: ((value: number) => void) | undefined;
  private current: number;
  private mixer = false;
  private readonly recorded: number[] = [];

  constructor(readonly spec: ParameterSpec) {
    this.current = spec.default;
  }

  get name(): string {
    return this.spec.name;
  }
  get polarity(): number {
    return this.spec.polarity;
  }
  get value_min(): number {
    return this.spec.min;
  }
  get value_max(): number {
    return this.spec.max;
  }
  get value_quantum(): number {
    return this.spec.quantum;
  }
  get value_default(): number {
    return this.spec.default;
  }
  /** Automation resolution in lines: 1/256 for device parameters. */
  get time_quantum(): number {
    return 1 / 256;
  }
  get is_automatable(): boolean {
    return this.spec.automatable;
  }
  /** No automation envelopes are modelled: always false. */
  get is_automated(): boolean {
    return false;
  }
  /** No MIDI mappings are modelled: always false. */
  get is_midi_mapped(): boolean {
    return false;
  }

  get show_in_mixer(): boolean {
    return this.mixer;
  }
  set show_in_mixer(v: boolean) {
    if (typeof v !== "boolean") throw new TrackError(`DeviceParameter.show_in_mixer: expected a boolean, got ${describe(v)}`);
    if (v === this.mixer) return;
    this.mixer = v;
    this.onChange?.("show_in_mixer", !v, v);
    this.observables.fire("show_in_mixer");
  }

  get value(): number {
    return this.current;
  }
  set value(v: number) {
    this.assign(this.checked(v, "value"));
  }

  get value_string(): string {
    return formatValue(this.spec, this.current);
  }
  /**
   * Sets the value from text as Renoise's parameter fields read it ("1.0 dB",
   * "50 %", "Center", a choice's name). Text that is not a value of this
   * parameter raises; a number beyond the range is clamped to it.
   */
  set value_string(text: string) {
    if (typeof text !== "string") {
      throw new TrackError(`DeviceParameter.value_string: expected a string, got ${describe(text)}`);
    }
    const v = parseValue(this.spec, text);
    if (v === undefined) {
      throw new TrackError(
        `DeviceParameter.value_string: '${text}' is not a value of parameter '${this.name}' (for example '${this.value_string}')`,
      );
    }
    this.assign(this.snap(Math.min(this.spec.max, Math.max(this.spec.min, v))));
  }

  /**
   * `record_value`: sets the value like `value =` and, in Renoise, writes
   * automation when MIDI-mapped recording is on. Here the value is set and
   * the call is recorded (`recordedValues`).
   */
  record_value(v: number): void {
    const checked = this.checked(v, "record_value");
    this.recorded.push(checked);
    this.assign(checked);
  }

  /** Values passed to `record_value`, oldest first. */
  get recordedValues(): readonly number[] {
    return this.recorded;
  }

  /** `value_observable`. */
  get value_observable(): TrackObservable {
    return this.observables.get("value");
  }
  /** `value_string_observable` (fires with `value_observable`). */
  get value_string_observable(): TrackObservable {
    return this.observables.get("value_string");
  }

  /** Sets the value without checks (presets); fires if it changed. */
  reset(v: number): void {
    this.assign(v);
  }

  private checked(v: unknown, what: string): number {
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new TrackError(`DeviceParameter.${what}: expected a number, got ${describe(v)}`);
    }
    const { min, max } = this.spec;
    if (v < min - SLACK || v > max + SLACK) {
      throw new TrackError(
        `DeviceParameter.${what}: ${v} is out of range for parameter '${this.name}'; valid values are (${min} - ${max})`,
      );
    }
    return this.snap(Math.min(max, Math.max(min, v)));
  }

  private snap(v: number): number {
    const q = this.spec.quantum;
    return q > 0 ? this.spec.min + Math.round((v - this.spec.min) / q) * q : v;
  }

  private assign(v: number): void {
    const old = this.current;
    if (v === old) return;
    this.current = v;
    this.onChange?.("value", old, v);
    this.onValue?.(v);
    this.observables.fire("value");
    this.observables.fire("value_string");
  }
}
