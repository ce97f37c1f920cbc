import { describe, expect, it } from "vitest";
import { AudioDevice } from "../../src/renoise/song/device.js";
import { deviceSpec, TRACK_MIXER } from "../../src/renoise/song/device-catalogue.js";

const make = (name: string): AudioDevice => new AudioDevice(deviceSpec(`Audio/Effects/Native/${name}`)!);

describe("AudioDevice: presets, active_preset_data, bypass and names", () => {
  it("a new device has the Init preset active and every parameter at its default", () => {
    const d = make("Delay");
    expect(d.presets).toEqual(["Init"]);
    expect(d.active_preset).toBe(1);
    expect(d.parameters.every((p) => p.value === p.value_default)).toBe(true);
  });

  it("selecting a preset loads it; indices outside 1..#presets raise", () => {
    const d = make("Gainer");
    d.parameter(1).value = 0;
    d.active_preset = 1;
    expect(d.parameter(1).value).toBe(1);
    expect(() => (d.active_preset = 0)).toThrow(/0 is out of range \(1 - 1\)/);
    expect(() => (d.active_preset = 2)).toThrow(/out of range/);
  });

  it("active_preset_data round-trips through another device of the same kind", () => {
    const a = make("Compressor");
    a.parameter(2).value = 10;
    a.is_maximized = false;
    a.is_active = false;
    const b = make("Compressor");
    b.active_preset_data = a.active_preset_data;
    expect(b.parameter(2).value).toBe(10);
    expect(b.is_maximized).toBe(false);
    expect(b.is_active).toBe(false);
    expect(a.active_preset_data).toContain('<DeviceSlot type="CompressorDevice">');
  });

  it("preset XML of another device or with values out of range raises and changes nothing", () => {
    const g = make("Gainer");
    expect(() => (g.active_preset_data = make("Delay").active_preset_data)).toThrow(/for a DelayDevice, not for device 'Gainer'/);
    const bad = g.active_preset_data.replace("<Value>0.5</Value>", "<Value>7</Value>");
    expect(() => (g.active_preset_data = bad)).toThrow(/'Panning' is out of range/);
    expect(() => (g.active_preset_data = "<xml/>")).toThrow(/not Renoise device preset XML/);
    expect(g.parameter(2).value).toBe(0.5);
  });

  it("is_active follows is_active_parameter; the mixer device cannot be bypassed", () => {
    const d = make("Gainer");
    let fired = 0;
    d.is_active_observable.add_notifier(() => fired++);
    d.is_active_parameter.value = 0;
    expect(d.is_active).toBe(false);
    d.is_active = true;
    expect(d.is_active_parameter.value).toBe(1);
    expect(fired).toBe(2);
    const mixer = new AudioDevice(TRACK_MIXER, true);
    expect(() => (mixer.is_active = false)).toThrow(/cannot be bypassed/);
  });

  it("display_name starts as the device name and takes any text", () => {
    const d = make("Gainer");
    expect(d.display_name).toBe("Gainer");
    d.display_name = "Duck";
    expect(d.display_name).toBe("Duck");
    expect(d.name).toBe("Gainer");
    expect(d.device_path).toBe("Audio/Effects/Native/Gainer");
  });
});
