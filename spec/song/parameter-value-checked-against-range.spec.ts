import { describe, expect, it } from "vitest";
import { deviceSpec, TRACK_MIXER } from "../../src/renoise/song/device-catalogue.js";
import { DeviceParameter } from "../../src/renoise/song/parameter.js";
import { newSong } from "../../src/renoise/song/song.js";

const gainer = deviceSpec("Audio/Effects/Native/Gainer")!;

describe("DeviceParameter.value: out of range raises and changes nothing; quantized parameters snap", () => {
  it("accepts the bounds and anything between, firing value and value_string observables in that order", () => {
    const p = new DeviceParameter(TRACK_MIXER.parameters[0]!);
    const fired: string[] = [];
    p.value_observable.add_notifier(() => fired.push("value"));
    p.value_string_observable.add_notifier(() => fired.push("value_string"));
    p.value = p.value_max;
    p.value = p.value_min;
    expect(p.value).toBe(0);
    expect(fired).toEqual(["value", "value_string", "value", "value_string"]);
  });

  it("setting the same value again fires nothing", () => {
    const p = new DeviceParameter(gainer.parameters[0]!);
    let n = 0;
    p.value_observable.add_notifier(() => n++);
    p.value = p.value_default;
    expect(n).toBe(0);
  });

  it("raises on values outside value_min..value_max, on NaN and on non-numbers", () => {
    const p = new DeviceParameter(gainer.parameters[1]!);
    expect(() => (p.value = 1.5)).toThrow(/1.5 is out of range \(0 - 1\) for parameter 'Panning'/);
    expect(() => (p.value = Number.NaN)).toThrow(/nan/);
    expect(() => (p.value = "0.5" as unknown as number)).toThrow(/number expected, got string/);
    expect(p.value).toBe(0.5);
  });

  it("snaps to value_quantum", () => {
    const type = new DeviceParameter(deviceSpec("Audio/Effects/Native/Analog Filter")!.parameters[0]!);
    expect(type.value_quantum).toBe(1);
    type.value = 1.6;
    expect(type.value).toBe(2);
    expect(type.value_string).toBe("BP");
  });

  it("record_value sets the value like value= and keeps a record of it", () => {
    const p = new DeviceParameter(gainer.parameters[1]!);
    p.record_value(0.25);
    expect(p.value).toBe(0.25);
    expect(p.recordedValues).toEqual([0.25]);
    expect(() => p.record_value(2)).toThrow(/out of range/);
    expect(p.recordedValues).toEqual([0.25]);
  });

  it("in a song, each change is recorded with its path, old and new value", () => {
    const song = newSong();
    const seen: unknown[] = [];
    song.attach({ changed: (path, o, n) => seen.push([path, o, n]), called: (path, args) => seen.push([path, args]) });
    const gain = song.tracks[1]!.insert_device_at("Audio/Effects/Native/Gainer", 2);
    gain.parameter(2).value = 0;
    song.tracks[0]!.prefx_width.value = 1;
    expect(seen).toEqual([
      ["tracks[2].insert_device_at", ["Audio/Effects/Native/Gainer", 2]],
      ["tracks[2].devices[2].parameters[2].value", 0.5, 0],
      ["tracks[1].devices[1].parameters[3].value", 0, 1],
    ]);
  });
});
