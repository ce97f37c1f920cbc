import { describe, expect, it } from "vitest";
import { Pattern } from "../../src/renoise/song/pattern.js";
import { PatternValueError } from "../../src/renoise/song/pattern-errors.js";

function track(lines = 4) {
  const p = Pattern.standalone([1]);
  p.number_of_lines = lines;
  return p.track(1);
}

describe("pattern text in the pattern editor's notation fills a track and renders it back", () => {
  it("round-trips notes, instrument, volume, panning and effect columns", () => {
    const t = track();
    t.fromText(`
      C-4 01 40 ..  ---  .. .. ..  0A40
      OFF .. .. ..  E-4 02 .. 80  ....
    `);
    expect(t.line(1).note_column(1).note_string).toBe("C-4");
    expect(t.line(1).effect_column(1).number_string).toBe("0A");
    expect(t.line(2).note_column(2).panning_value).toBe(0x80);
    expect(t.toText()).toMatchInlineSnapshot(`
      "C-4 01 40 ..  --- .. .. ..  0A40
      OFF .. .. ..  E-4 02 .. 80  ....
      --- .. .. ..  --- .. .. ..  ....
      --- .. .. ..  --- .. .. ..  ...."
    `);
  });

  it("shows the delay sub-column only when a line uses it, unless asked", () => {
    const t = track(2);
    t.fromText("C-4 01 .. .. 30", { delay: true });
    expect(t.line(1).note_column(1).delay_value).toBe(0x30);
    expect(t.toText()).toBe("C-4 01 .. .. 30\n--- .. .. .. ..");
    expect(t.toText({ delay: false, panning: false })).toBe("C-4 01 ..\n--- .. ..");
  });

  it("an empty track renders one note column per line", () => {
    expect(track(2).toText()).toBe("--- .. .. ..\n--- .. .. ..");
  });

  it("rejects text that does not fit or cannot be read, naming the line", () => {
    const t = track(1);
    expect(() => t.fromText("C-4\nD-4")).toThrow(/only 1 lines/);
    expect(() => t.fromText("C-4 XYZ")).toThrow(PatternValueError);
    expect(() => t.fromText("H-4")).toThrow(/line 1/);
  });
});
