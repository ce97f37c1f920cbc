import { describe, expect, it } from "vitest";
import { Pattern, type PatternLinePosition } from "../../src/renoise/song/pattern.js";

const SEQ = 1;

describe("line notifiers fire synchronously, once per changed line, with its position", () => {
  it("a write, a clear and a copy each report the lines they changed", () => {
    const p = Pattern.standalone([SEQ, SEQ]);
    const seen: PatternLinePosition[] = [];
    p.add_line_notifier((pos) => seen.push(pos));
    p.track(2).line(5).note_column(1).note_value = 48;
    expect(seen).toEqual([{ pattern: 0, track: 2, line: 5 }]);
    p.track(2).line(5).note_column(1).note_value = 48; // unchanged: no notice
    expect(seen).toHaveLength(1);
    p.track(2).line(5).clear();
    expect(seen).toHaveLength(2);
    p.track(2).line(5).clear(); // already empty
    expect(seen).toHaveLength(2);
    p.track(1).line(1).effect_column(3).amount_value = 0xff;
    p.track(1).line(2).note_column(1).note_string = "C-4";
    seen.length = 0;
    p.clear();
    expect(seen).toEqual([
      { pattern: 0, track: 1, line: 1 },
      { pattern: 0, track: 1, line: 2 },
    ]);
  });

  it("add twice or remove an unknown notifier raises; has_line_notifier tells", () => {
    const p = Pattern.standalone([SEQ]);
    const fn = (): void => {};
    expect(p.has_line_notifier(fn)).toBe(false);
    p.add_line_notifier(fn);
    expect(() => p.add_line_notifier(fn)).toThrow(/already added/);
    p.remove_line_notifier(fn);
    expect(() => p.remove_line_notifier(fn)).toThrow(/not added/);
  });
});
