import { defineModel, ModelObject } from "../document/model.js";
import type { Observable } from "../document/observable.js";
import type { DeviceSpec } from "./device-catalogue.js";
import { presetXml, readPresetXml } from "./device-preset.js";
import { choice } from "./parameter-spec.js";
import { DeviceParameter } from "./parameter.js";
import { checkIndex } from "./track-errors.js";

const ACTIVE = choice("Active", ["Off", "On"], 1);

/**
 * `renoise.AudioDevice`: a native device in a track's chain, built from its
 * catalogue entry (src/renoise/song/device-catalogue.ts). The track's mixer
 * device (`TrackVolPan`, index 1) cannot be bypassed.
 */
export class AudioDevice extends ModelObject {
  declare readonly name: string;
  declare readonly short_name: string;
  declare display_name: string;
  declare is_active: boolean;
  declare is_maximized: boolean;
  declare active_preset: number;
  declare active_preset_data: string;
  declare readonly presets: string[];
  declare readonly device_path: string;
  declare readonly external_editor_available: boolean;
  declare external_editor_visible: boolean;
  declare readonly display_name_observable: Observable;
  declare readonly is_active_observable: Observable;
  declare readonly is_maximized_observable: Observable;
  declare readonly active_preset_observable: Observable;

  /** `parameters`, in the catalogue's order. */
  readonly parameters: readonly DeviceParameter[];
  /** `is_active_parameter`: 1 while active, 0 while bypassed. */
  readonly is_active_parameter: DeviceParameter;

  constructor(
    readonly spec: DeviceSpec,
    /** True for the track's mixer device at index 1. */
    readonly isMixer = false,
  ) {
    super();
    this._v.display_name = spec.name;
    this._v.is_maximized = true;
    this._v.active_preset = 1;
    this.parameters = spec.parameters.map((p, i) => new DeviceParameter(p, `parameters[${i + 1}]`, this));
    this.is_active_parameter = new DeviceParameter(ACTIVE, "is_active_parameter", this);
    this.is_active_parameter._onValue = () => this._notify("is_active");
  }

  /** @internal "tracks[i].devices[j]" */
  override _path(): string {
    const track = this._owner;
    const chain = (track as { devices?: readonly AudioDevice[] } | undefined)?.devices;
    const i = chain ? chain.indexOf(this) : -1;
    const base = track?._path() ?? "";
    const me = i >= 0 ? `devices[${i + 1}]` : "device";
    return base ? `${base}.${me}` : me;
  }

  /** `preset(index)`: one preset name. */
  preset(index: number): string {
    checkIndex(index, 1, this.spec.presets.length, "preset");
    return this.spec.presets[index - 1] as string;
  }

  /** `parameter(index)`: one parameter. */
  parameter(index: number): DeviceParameter {
    checkIndex(index, 1, this.parameters.length, "parameter");
    return this.parameters[index - 1] as DeviceParameter;
  }
}

defineModel(AudioDevice, {
  typeName: "AudioDevice",
  props: {
    name: { type: "string", readonly: true, luaKeep: "constant", get: (d) => d.spec.name },
    short_name: { type: "string", readonly: true, luaKeep: "constant", get: (d) => d.spec.short_name },
    device_path: { type: "string", readonly: true, luaKeep: "constant", get: (d) => d.spec.path },
    display_name: { type: "string", observable: true },
    is_active: {
      type: "boolean",
      observable: true,
      get: (d) => d.is_active_parameter._v.value === 1,
      check: (d, v: boolean) => (d.isMixer && !v ? "is_active: the track's mixer device (TrackVolPan) cannot be bypassed" : undefined),
      set: (d, v: boolean) => d.is_active_parameter._assign(v ? 1 : 0),
    },
    is_maximized: { type: "boolean", observable: true },
    presets: { type: "table", readonly: true, get: (d) => [...d.spec.presets] },
    active_preset: {
      type: "integer",
      observable: true,
      range: (d) => [1, d.spec.presets.length],
      // Selecting a preset loads it: "Init" sets every parameter to its default.
      set: (d, v: number) => {
        // The master's BPM/LPB/TPL are the song's tempo, not preset settings.
        for (const p of d.parameters) if (!p.spec.transport) p._assign(p.spec.default);
        d.store("active_preset", v);
      },
    },
    active_preset_data: {
      type: "string",
      get: (d) => presetXml(d),
      set: (d, xml: string) => {
        const read = readPresetXml(d, xml);
        read.values.forEach((v, i) => {
          const p = d.parameters[i]!;
          if (!p.spec.transport) p._assign(v);
        });
        if (read.maximized !== undefined) d.is_maximized = read.maximized;
        if (read.active !== undefined && !(d.isMixer && !read.active)) d.is_active = read.active;
      },
    },
    is_active_parameter: { type: "object", readonly: true, luaKeep: "constant", get: (d) => d.is_active_parameter },
    parameters: { type: "table", readonly: true, luaKeep: "layout", luaItem: "parameter", get: (d) => d.parameters },
    external_editor_available: { type: "boolean", readonly: true, get: () => false },
    external_editor_visible: {
      type: "boolean",
      get: () => false,
      check: (d, v: boolean) => (v ? `external_editor_visible: device '${d.spec.name}' has no external editor` : undefined),
      set: () => undefined,
    },
  },
  methods: ["preset", "parameter"],
  tostring: (d: AudioDevice) => `AudioDevice: ${d.spec.name}`,
});

