import { describe, expect, it } from "vitest";
import { deviceSpec, TRACK_MIXER } from "../../src/renoise/song/device-catalogue.js";
import { DeviceParameter } from "../../src/renoise/song/parameter.js";

const mixer = (name: string): DeviceParameter => new DeviceParameter(TRACK_MIXER.parameters.find((p) => p.name === name)!);

describe("DeviceParameter.value_string reads what it writes, in the parameter's unit", () => {
  it("volumes are linear gains shown in dB with three decimals", () => {
    const v = mixer("Volume");
    expect(v.value_string).toBe("0.000 dB");
    v.value_string = "1.0 dB";
    expect(v.value_string).toBe("1.000 dB");
    expect(v.value).toBeCloseTo(10 ** (1 / 20), 12);
    v.value_string = "-6";
    expect(v.value_string).toBe("-6.000 dB");
    v.value = 0;
    expect(v.value_string).toBe("-INF dB");
    v.value_string = "-INF dB";
    expect(v.value).toBe(0);
  });

  it("a typed value beyond the range is clamped to it", () => {
    const v = mixer("Post Volume");
    v.value_string = "3.0 dB";
    expect(v.value).toBe(v.value_max);
    v.value_string = "+40 dB";
    expect(v.value).toBe(v.value_max);
  });

  it("panning reads Center, nnL and nnR", () => {
    const p = mixer("Panning");
    expect(p.value_string).toBe("Center");
    p.value_string = "25L";
    expect(p.value).toBeCloseTo(0.25, 12);
    expect(p.value_string).toBe("25L");
    p.value = 1;
    expect(p.value_string).toBe("50R");
  });

  it("choices read their names in any case", () => {
    const t = new DeviceParameter(deviceSpec("Audio/Effects/Native/Analog Filter")!.parameters[0]!);
    t.value_string = "hp";
    expect(t.value).toBe(1);
    expect(t.value_string).toBe("HP");
  });

  it("text that is no value of the parameter raises and changes nothing", () => {
    const v = mixer("Volume");
    expect(() => (v.value_string = "loud")).toThrow(/'loud' is not a value of parameter 'Volume'/);
    expect(() => (v.value_string = 3 as unknown as string)).toThrow(/string expected, got number/);
    expect(v.value).toBe(1);
  });
});
