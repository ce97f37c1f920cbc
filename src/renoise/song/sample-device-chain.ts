import { listPath } from "./instrument-paths.js";
/**
 * `renoise.SampleDeviceChain`: an instrument's effect chain. Its first
 * device is the chain's mixer, which can be neither moved nor deleted.
 * Devices are plain entries (name, path, presets) — sound is not modelled.
 */
import { checkIndex, defineModel, ModelError, ModelObject } from "../document/model.js";

/** Native effects a sample chain can hold (their Renoise device paths). */
export const SAMPLE_CHAIN_DEVICES = [
  "Audio/Effects/Native/Analog Filter", "Audio/Effects/Native/Bus Compressor", "Audio/Effects/Native/Cabinet Simulator",
  "Audio/Effects/Native/Chorus 2", "Audio/Effects/Native/Comb Filter 2", "Audio/Effects/Native/Compressor",
  "Audio/Effects/Native/Convolver", "Audio/Effects/Native/DC Offset", "Audio/Effects/Native/Delay",
  "Audio/Effects/Native/Digital Filter", "Audio/Effects/Native/Distortion 2", "Audio/Effects/Native/Doofer",
  "Audio/Effects/Native/EQ 10", "Audio/Effects/Native/EQ 5", "Audio/Effects/Native/Exciter",
  "Audio/Effects/Native/Flanger 2", "Audio/Effects/Native/Gainer", "Audio/Effects/Native/Gate 2",
  "Audio/Effects/Native/LofiMat 2", "Audio/Effects/Native/Maximizer", "Audio/Effects/Native/mpReverb 2",
  "Audio/Effects/Native/Multitap", "Audio/Effects/Native/Phaser 2", "Audio/Effects/Native/Repeater",
  "Audio/Effects/Native/Reverb", "Audio/Effects/Native/RingMod 2", "Audio/Effects/Native/Stereo Expander",
  "Audio/Effects/Native/#Send", "Audio/Effects/Native/#Multiband Send",
];
const MIXER_PATH = "Audio/Effects/Native/SampleMixer";

/** A device in a sample chain (`renoise.AudioDevice` to Lua). */
export class SampleChainDevice extends ModelObject {
  declare active_preset: number;

  constructor(
    readonly device_path: string,
    readonly presets: readonly string[],
  ) {
    super();
    const name = device_path.slice(device_path.lastIndexOf("/") + 1);
    Object.assign(this._v, { display_name: name.replace(/^#/, ""), is_active: true, is_maximized: true, active_preset: 1 });
  }

  declare readonly name: string;

  /** @internal */
  _name(): string {
    return this.device_path === MIXER_PATH ? "Mixer" : this.device_path.slice(this.device_path.lastIndexOf("/") + 1);
  }

  override _path(): string {
    return listPath(this._owner, "devices", this, "device");
  }
}

defineModel(SampleChainDevice, {
  typeName: "AudioDevice",
  props: {
    name: { type: "string", readonly: true, get: (d) => d._name() },
    short_name: { type: "string", readonly: true, get: (d) => d._name() },
    device_path: { type: "string", readonly: true, get: (d) => d.device_path },
    display_name: { type: "string", observable: true },
    is_active: { type: "boolean", observable: true },
    is_maximized: { type: "boolean", observable: true },
    presets: { type: "table", readonly: true, get: (d) => [...d.presets] },
    active_preset: { type: "integer", observable: true, range: (d) => [1, d.presets.length] },
    parameters: { type: "table", readonly: true, get: () => [] },
  },
});

/** `renoise.SampleDeviceChain`. */
export class SampleDeviceChain extends ModelObject {
  /** @internal */ _devices: SampleChainDevice[] = [];
  declare name: string;

  constructor(name = "") {
    super();
    this._v.name = name;
    const mixer = new SampleChainDevice(MIXER_PATH, ["Init"]);
    mixer._owner = this;
    this._devices.push(mixer);
  }

  override _path(): string {
    return listPath(this._owner, "sample_device_chains", this, "sample_device_chain");
  }

  declare readonly devices: SampleChainDevice[];

  insert_device_at(device_path: string, index: number): SampleChainDevice {
    if (!SAMPLE_CHAIN_DEVICES.includes(device_path)) {
      throw new ModelError(`SampleDeviceChain:insert_device_at: '${String(device_path)}' is not one of available_devices`);
    }
    const i = checkIndex("SampleDeviceChain:insert_device_at", index, this._devices.length + 1);
    if (i === 1) throw new ModelError("SampleDeviceChain:insert_device_at: index 1 is the chain's mixer; insert at 2 or later");
    const d = new SampleChainDevice(device_path, ["Init"]);
    d._owner = this;
    this._devices.splice(i - 1, 0, d);
    this._called("insert_device_at", [device_path, index]);
    this._layoutChanged("devices");
    return d;
  }

  delete_device_at(index: number): void {
    const i = checkIndex("SampleDeviceChain:delete_device_at", index, this._devices.length);
    if (i === 1) throw new ModelError("SampleDeviceChain:delete_device_at: the chain's mixer (index 1) can not be deleted");
    this._devices.splice(i - 1, 1);
    this._called("delete_device_at", [index]);
    this._layoutChanged("devices");
  }

  swap_devices_at(a: number, b: number): void {
    const i = checkIndex("SampleDeviceChain:swap_devices_at", a, this._devices.length);
    const j = checkIndex("SampleDeviceChain:swap_devices_at", b, this._devices.length);
    if (i === 1 || j === 1) throw new ModelError("SampleDeviceChain:swap_devices_at: the chain's mixer (index 1) can not be moved");
    [this._devices[i - 1], this._devices[j - 1]] = [this._devices[j - 1]!, this._devices[i - 1]!];
    this._layoutChanged("devices");
  }

  device(index: number): SampleChainDevice {
    return this._devices[checkIndex("SampleDeviceChain:device", index, this._devices.length) - 1]!;
  }
}

defineModel(SampleDeviceChain, {
  typeName: "SampleDeviceChain",
  props: {
    name: { type: "string", observable: true },
    available_devices: { type: "table", readonly: true, get: () => [...SAMPLE_CHAIN_DEVICES] },
    available_device_infos: { type: "table", readonly: true, get: () => [] },
    // Kept by Lua until a layout change: every change of _devices above moves layoutEpoch (_layoutChanged).
    devices: { type: "table", readonly: true, luaKeep: "layout", luaItem: "device", get: (c) => [...c._devices] },
    output_routing: { type: "string", readonly: true, get: () => "Current Track" },
  },
  observables: ["devices_observable"],
  methods: ["insert_device_at", "delete_device_at", "swap_devices_at", "device"],
});
