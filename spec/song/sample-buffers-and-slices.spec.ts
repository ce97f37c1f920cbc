import { describe, expect, it } from "vitest";
import { Instrument } from "../../src/renoise/song/instrument.js";

describe("sample buffers hold clamped floats; slice markers add read-only alias samples", () => {
  it("no data: reading its format raises; values are clamped to -1..1", () => {
    const s = new Instrument().insert_sample_at(1);
    const b = s.sample_buffer;
    expect(() => b.sample_rate).toThrow(/no sample data/);
    expect(b.create_sample_data(48000, 16, 2, 100)).toBe(true);
    b.set_sample_data(2, 100, 2.5);
    expect(b.sample_data(2, 100)).toBe(1);
    expect(() => b.sample_data(3, 1)).toThrow(/channel 3/);
    expect(() => (b.selected_channel = 2)).not.toThrow();
  });

  it("markers on the first sample make aliases; a sliced instrument's sample list is fixed", () => {
    const inst = new Instrument();
    const s = inst.insert_sample_at(1);
    s.sample_buffer.create_sample_data(44100, 24, 1, 1000);
    s.insert_slice_marker(250);
    s.insert_slice_marker(1001);
    expect(inst.samples).toHaveLength(3);
    expect(inst.samples[1]!.is_slice_alias).toBe(true);
    expect(inst.samples[1]!.sample_buffer.read_only).toBe(true);
    expect(() => s.insert_slice_marker(1002)).toThrow(/out of range/);
    expect(() => inst.insert_sample_at(4)).toThrow(/sliced/);
    s.slice_markers = [];
    expect(inst.samples).toHaveLength(1);
  });
});
