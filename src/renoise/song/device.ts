import type { DeviceSpec } from "./device-catalogue.js";
import { choice } from "./parameter-spec.js";
import { DeviceParameter } from "./parameter.js";
import { presetXml, readPresetXml } from "./device-preset.js";
import { TrackError, checkIndex, describe } from "./track-errors.js";
import { ObservableSet, type ChangeSink, type TrackObservable } from "./track-observables.js";

const ACTIVE = choice("Active", ["Off", "On"], 1);

/**
 * `renoise.AudioDevice`: a native device in a track's chain, built from its
 * catalogue entry. The mixer device (`TrackVolPan`, index 1) cannot be
 * bypassed.
 */
export class AudioDevice {
  /** The observables (`display_name_observable` is `observables.get("display_name")`). */
  readonly observables = new ObservableSet();
  /** `parameters`, in the catalogue's order. */
  readonly parameters: readonly DeviceParameter[];
  /** `is_active_parameter`: 1 while active, 0 while bypassed. */
  readonly is_active_parameter: DeviceParameter;
  /** Where changes are reported (property path relative to the device); set by the track. */
  onChange: ChangeSink | undefined;
  private displayName: string;
  private maximized = true;
  private presetIndex = 1;

  constructor(
    readonly spec: DeviceSpec,
    /** True for the track's mixer device at index 1. */
    readonly isMixer = false,
  ) {
    this.displayName = spec.name;
    this.parameters = spec.parameters.map((p, i) => {
      const param = new DeviceParameter(p);
      param.onChange = (prop, o, n) => this.onChange?.(`parameters[${i + 1}].${prop}`, o, n);
      return param;
    });
    this.is_active_parameter = new DeviceParameter(ACTIVE);
    this.is_active_parameter.onChange = (_prop, o, n) => this.onChange?.("is_active", o === 1, n === 1);
    this.is_active_parameter.onValue = () => this.observables.fire("is_active");
  }

  get name(): string {
    return this.spec.name;
  }
  get short_name(): string {
    return this.spec.short_name;
  }
  get device_path(): string {
    return this.spec.path;
  }

  get display_name(): string {
    return this.displayName;
  }
  set display_name(v: string) {
    if (typeof v !== "string") throw new TrackError(`AudioDevice.display_name: expected a string, got ${describe(v)}`);
    // Renoise shows `name` when the display name is empty.
    const next = v === "" ? this.spec.name : v;
    if (next === this.displayName) return;
    const old = this.displayName;
    this.displayName = next;
    this.onChange?.("display_name", old, next);
    this.observables.fire("display_name");
  }

  get is_active(): boolean {
    return this.is_active_parameter.value === 1;
  }
  set is_active(v: boolean) {
    if (typeof v !== "boolean") throw new TrackError(`AudioDevice.is_active: expected a boolean, got ${describe(v)}`);
    if (this.isMixer && !v) throw new TrackError("AudioDevice.is_active: the track's mixer device cannot be bypassed");
    this.is_active_parameter.reset(v ? 1 : 0);
  }

  get is_maximized(): boolean {
    return this.maximized;
  }
  set is_maximized(v: boolean) {
    if (typeof v !== "boolean") throw new TrackError(`AudioDevice.is_maximized: expected a boolean, got ${describe(v)}`);
    if (v === this.maximized) return;
    this.maximized = v;
    this.onChange?.("is_maximized", !v, v);
    this.observables.fire("is_maximized");
  }

  /** Preset names (the catalogue's; "Init" first). */
  get presets(): string[] {
    return [...this.spec.presets];
  }
  /** `preset(index)`: one preset name. */
  preset(index: number): string {
    checkIndex(index, 1, this.spec.presets.length, "AudioDevice:preset");
    return this.spec.presets[index - 1] as string;
  }

  /** 1-based index of the active preset. */
  get active_preset(): number {
    return this.presetIndex;
  }
  /** Selecting a preset loads its values ("Init": every parameter's default). */
  set active_preset(index: number) {
    checkIndex(index, 1, this.spec.presets.length, "AudioDevice.active_preset");
    const old = this.presetIndex;
    for (const p of this.parameters) p.reset(p.value_default);
    this.presetIndex = index;
    if (old !== index) {
      this.onChange?.("active_preset", old, index);
      this.observables.fire("active_preset");
    }
  }

  /** The device's current settings as Renoise preset XML (`FilterDevicePreset`). */
  get active_preset_data(): string {
    return presetXml(this);
  }
  /**
   * Loads settings from preset XML as `active_preset_data` returns it. XML for
   * another kind of device, or values out of range, raise and change nothing.
   */
  set active_preset_data(xml: string) {
    if (typeof xml !== "string") {
      throw new TrackError(`AudioDevice.active_preset_data: expected a string, got ${describe(xml)}`);
    }
    const read = readPresetXml(this, xml);
    read.values.forEach((v, i) => (this.parameters[i] as DeviceParameter).reset(v));
    if (read.maximized !== undefined) this.is_maximized = read.maximized;
    if (read.active !== undefined && !(this.isMixer && !read.active)) this.is_active = read.active;
  }

  /** `parameter(index)`. */
  parameter(index: number): DeviceParameter {
    checkIndex(index, 1, this.parameters.length, "AudioDevice:parameter");
    return this.parameters[index - 1] as DeviceParameter;
  }

  /** Native devices have no plugin editor. */
  get external_editor_available(): boolean {
    return false;
  }
  get external_editor_visible(): boolean {
    return false;
  }
  set external_editor_visible(v: boolean) {
    if (v) throw new TrackError(`AudioDevice.external_editor_visible: device '${this.name}' has no external editor`);
  }

  get display_name_observable(): TrackObservable {
    return this.observables.get("display_name");
  }
  get is_active_observable(): TrackObservable {
    return this.observables.get("is_active");
  }
  get is_maximized_observable(): TrackObservable {
    return this.observables.get("is_maximized");
  }
  get active_preset_observable(): TrackObservable {
    return this.observables.get("active_preset");
  }
}
