import { describe, expect, it } from "vitest";
import type { AutomatableParameter } from "../../src/renoise/song/automation.js";
import { Pattern } from "../../src/renoise/song/pattern.js";
import { PatternValueError } from "../../src/renoise/song/pattern-errors.js";

const device = { name: "Gainer", parameters: [] as AutomatableParameter[] };
const gain: AutomatableParameter = { name: "Gain", is_automatable: true, time_quantum: 1 / 256 };
const bpm: AutomatableParameter = { name: "BPM", is_automatable: true, time_quantum: 1 };
const postfx: AutomatableParameter = { name: "Volume", is_automatable: false };

device.parameters.push(gain, bpm);

function patternTrack() {
  // A track whose device owns gain and bpm; postfx belongs to no device.
  return Pattern.standalone([{ type: 1, devices: [device] } as never]).track(1);
}

describe("pattern track automation: points on the 1/256 line grid, quantized per parameter", () => {
  it("create, find and delete; twice or not automatable raises", () => {
    const t = patternTrack();
    expect(t.find_automation(gain)).toBeUndefined();
    expect(() => t.delete_automation(gain)).toThrow(PatternValueError);
    const a = t.create_automation(gain);
    expect(a.dest_device.name).toBe("Gainer");
    expect(t.find_automation(gain)).toBe(a);
    expect(() => t.create_automation(gain)).toThrow(/already has an automation/);
    expect(() => t.create_automation(postfx)).toThrow(/not automatable/);
  });

  it("points are sorted, validated, and cleared by [from, to) ranges", () => {
    const a = patternTrack().create_automation(gain);
    a.points = [
      { time: 2, value: 0 },
      { time: 1 + 128 / 256, value: 1 },
      { time: 8 + 2 / 256, value: 0.5 },
    ];
    expect(a.points.map((p) => p.time)).toEqual([1.5, 2, 8 + 2 / 256]);
    expect(() => (a.points = [{ time: 1, value: 1.5 }])).toThrow(/value/);
    expect(() => (a.points = [{ time: -2, value: 1 }])).toThrow(/time/);
    expect(a.points).toHaveLength(3); // a rejected assignment changes nothing
    a.clear_range(2, 8);
    expect(a.points.map((p) => p.time)).toEqual([1.5, 8 + 2 / 256]);
    a.add_point_at(1.5, 0.25);
    expect(a.points[0]!.value).toBe(0.25);
    a.remove_point_at(1.5);
    expect(a.has_point_at(1.5)).toBe(false);
    expect(() => a.remove_point_at(1.5)).toThrow(/no point/);
  });

  it("a whole-line time quantum rounds times; the last point on a time wins", () => {
    const a = patternTrack().create_automation(bpm);
    a.points = [
      { time: 1, value: 1 },
      { time: 1 + 1 / 256, value: 0 },
      { time: 1 + 2 / 256, value: 0.5 },
      { time: 1 + 200 / 256, value: 0.25 },
    ];
    expect(a.points).toEqual([
      { time: 1, value: 0.5, scaling: 0 },
      { time: 2, value: 0.25, scaling: 0 },
    ]);
  });
});
