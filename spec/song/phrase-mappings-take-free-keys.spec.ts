import { describe, expect, it } from "vitest";
import { Instrument } from "../../src/renoise/song/instrument.js";

describe("phrase mappings take the free keys between their neighbours and never overlap", () => {
  it("the first mapping spans every key; the next needs room; ranges may not overlap", () => {
    const inst = new Instrument();
    const [a, b, c] = [inst.insert_phrase_at(1), inst.insert_phrase_at(2), inst.insert_phrase_at(3)];
    const ma = inst.insert_phrase_mapping_at(1, a);
    expect(ma.note_range).toEqual([0, 119]);
    expect(inst.can_insert_phrase_mapping_at(2)).toBe(false);
    ma.note_range = [0, 48];
    const mb = inst.insert_phrase_mapping_at(2, b);
    expect(mb.note_range).toEqual([49, 119]);
    mb.note_range = [60, 119];
    const mc = inst.insert_phrase_mapping_at(2, c);
    expect(mc.note_range).toEqual([49, 59]);
    expect(() => (mc.note_range = [48, 59])).toThrow(/overlaps/);
    expect(() => inst.insert_phrase_mapping_at(4, b)).toThrow(/already has a mapping/);
  });
});
