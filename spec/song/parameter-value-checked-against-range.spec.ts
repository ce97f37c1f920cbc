import { describe, expect, it } from "vitest";
import { deviceSpec, TRACK_MIXER } from "../../src/renoise/song/device-catalogue.js";
import { DeviceParameter } from "../../src/renoise/song/parameter.js";

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
    expect(() => (p.value = 1.5)).toThrow(/1.5 is out of range for parameter 'Panning'; valid values are \(0 - 1\)/);
    expect(() => (p.value = Number.NaN)).toThrow(/expected a number/);
    expect(() => (p.value = "0.5" as unknown as number)).toThrow(/expected a number, got "0.5"/);
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

  it("reports each change to its sink with the old and new value", () => {
    const p = new DeviceParameter(gainer.parameters[1]!);
    const seen: unknown[] = [];
    p.onChange = (prop, o, n) => seen.push([prop, o, n]);
    p.value = 0;
    expect(seen).toEqual([["value", 0.5, 0]]);
  });
});
