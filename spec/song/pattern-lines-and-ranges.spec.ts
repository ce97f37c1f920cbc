import { describe, expect, it } from "vitest";
import { MAX_NUMBER_OF_LINES, Pattern } from "../../src/renoise/song/pattern.js";

const SEQ = 1;
const MASTER = 2;

describe("patterns have 1-512 lines; line access checks its range", () => {
  it("number_of_lines is 64 by default, 1..512", () => {
    const p = Pattern.standalone([SEQ]);
    expect(p.number_of_lines).toBe(64);
    expect(p.track(1).lines).toHaveLength(64);
    p.number_of_lines = 1;
    expect(p.track(1).lines).toHaveLength(1);
    expect(() => (p.number_of_lines = 0)).toThrow(/out of range/);
    expect(() => (p.number_of_lines = MAX_NUMBER_OF_LINES + 1)).toThrow(/out of range/);
  });

  it("line(i) and lines_in_range(a, b) raise outside 1..number_of_lines or for a reversed range", () => {
    const t = Pattern.standalone([SEQ]).track(1);
    expect(t.lines_in_range(1, 2)).toHaveLength(2);
    expect(t.line(1)).toBe(t.lines_in_range(1, 1)[0]);
    expect(() => t.line(65)).toThrow(/out of range/);
    expect(() => t.line(undefined as unknown as number)).toThrow(/expected a line index/);
    expect(() => t.lines_in_range(2, 1)).toThrow(/must not be after/);
  });

  it("sequencer tracks have 12 note and 8 effect columns, master and send tracks 0 and 8", () => {
    const p = Pattern.standalone([SEQ, MASTER]);
    expect(p.track(1).line(1).note_columns).toHaveLength(12);
    expect(p.track(2).line(1).note_columns).toHaveLength(0);
    expect(p.track(2).line(1).effect_columns).toHaveLength(8);
  });

  it("shrinking drops the lines beyond the new length", () => {
    const p = Pattern.standalone([SEQ]);
    p.track(1).line(64).note_column(1).note_value = 1;
    p.number_of_lines = 32;
    p.number_of_lines = 64;
    expect(p.track(1).line(64).is_empty).toBe(true);
  });

  it("copy_from copies lines and length; lines compare by content", () => {
    const a = Pattern.standalone([SEQ]);
    const b = Pattern.standalone([SEQ]);
    a.number_of_lines = 16;
    a.track(1).line(3).note_column(2).note_string = "D-5";
    b.copy_from(a);
    expect(b.number_of_lines).toBe(16);
    expect(b.track(1).line(3).equals(a.track(1).line(3))).toBe(true);
    expect(b.track(1).line(3).equals(a.track(1).line(4))).toBe(false);
    expect(b.is_empty).toBe(false);
  });
});
