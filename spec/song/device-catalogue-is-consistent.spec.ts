import { describe, expect, it } from "vitest";
import { NATIVE_DEVICES, TRACK_MIXER, deviceSpec } from "../../src/renoise/song/device-catalogue.js";
import { formatValue, parseValue } from "../../src/renoise/song/parameter-spec.js";

describe("the native device catalogue is self-consistent", () => {
  const all = [TRACK_MIXER, ...NATIVE_DEVICES];

  it("paths are Renoise's Audio/Effects/Native/<name>, unique, and found by deviceSpec", () => {
    expect(new Set(all.map((d) => d.path)).size).toBe(all.length);
    for (const d of NATIVE_DEVICES) {
      expect(d.path).toBe(`Audio/Effects/Native/${d.name}`);
      expect(deviceSpec(d.path)).toBe(d);
    }
    expect(deviceSpec("Audio/Effects/Native/TrackVolPan")).toBeUndefined();
  });

  it("holds at least the devices Renoise's tests and common tools insert", () => {
    const names = NATIVE_DEVICES.map((d) => d.name);
    for (const n of ["Gainer", "Stereo Expander", "EQ 5", "EQ 10", "Delay", "Analog Filter", "Digital Filter", "Compressor", "#Send", "#Line Input", "Doofer", "#Multiband Send"]) {
      expect(names).toContain(n);
    }
  });

  it("every default lies in its range, and every default's value_string reads back to it", () => {
    for (const d of all) {
      expect(d.presets[0]).toBe("Init");
      expect(new Set(d.parameters.map((p) => p.name)).size).toBe(d.parameters.length);
      for (const p of d.parameters) {
        expect(p.min).toBeLessThan(p.max);
        expect(p.default).toBeGreaterThanOrEqual(p.min);
        expect(p.default).toBeLessThanOrEqual(p.max);
        const back = parseValue(p, formatValue(p, p.default));
        expect(back, `${d.name} ${p.name}`).toBeCloseTo(p.default, 2);
      }
    }
  });
});
