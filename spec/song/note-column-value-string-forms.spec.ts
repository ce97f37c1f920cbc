import { describe, expect, it } from "vitest";
import { Pattern } from "../../src/renoise/song/pattern.js";
import { PatternValueError } from "../../src/renoise/song/pattern-errors.js";

const SEQ = 1;
function column() {
  const p = Pattern.standalone([SEQ]);
  return p.track(1).line(1).note_column(1);
}

describe("note column values and strings follow the pattern editor's notation", () => {
  it("notes: C-0..G-9 as 0..119, OFF as 120, --- as 121", () => {
    const nc = column();
    expect(nc.note_value).toBe(121);
    expect(nc.note_string).toBe("---");
    nc.note_string = "C#4";
    expect(nc.note_value).toBe(49);
    nc.note_value = 119;
    expect(nc.note_string).toBe("B-9");
    nc.note_string = "OFF";
    expect(nc.note_value).toBe(120);
    expect(() => (nc.note_string = "C94")).toThrow(PatternValueError);
    expect(() => (nc.note_value = 122)).toThrow(/out of range/);
    nc.note_value = 48.9; // fractions are truncated, as Renoise does
    expect(nc.note_string).toBe("C-4");
  });

  it("instrument: 00..FE, .. (or an empty string) is 255", () => {
    const nc = column();
    nc.instrument_string = "01";
    expect(nc.instrument_value).toBe(1);
    nc.instrument_string = "";
    expect(nc.instrument_value).toBe(255);
    expect(nc.instrument_string).toBe("..");
    expect(() => (nc.instrument_value = 256)).toThrow(PatternValueError);
  });

  it("volume and panning: 00..80 literally, effects as (char << 8) + digit", () => {
    const nc = column();
    nc.volume_string = "ZE";
    expect(nc.volume_value).toBe(35 * 256 + 14);
    nc.volume_string = "33";
    expect(nc.volume_value).toBe(0x33);
    nc.panning_value = 0x80;
    expect(nc.panning_string).toBe("80");
    for (const bad of ["ZT", "ze", "&*", "1"]) expect(() => (nc.volume_string = bad)).toThrow(PatternValueError);
    for (const bad of [130, 256 + 36, -1]) expect(() => (nc.panning_value = bad)).toThrow(PatternValueError);
    expect(() => (nc.panning_value = "abc" as unknown as number)).toThrow(/number expected, got string/);
  });

  it("delay: 00..FF, .. is 0, lowercase hex is accepted and shown uppercase", () => {
    const nc = column();
    nc.delay_string = "a1";
    expect(nc.delay_string).toBe("A1");
    nc.delay_string = "..";
    expect(nc.delay_value).toBe(0);
    expect(() => (nc.delay_string = "--")).toThrow(PatternValueError);
  });

  it("sample effect number and amount: 00..ZZ and 00..FF", () => {
    const nc = column();
    nc.effect_number_value = 0x0101;
    expect(nc.effect_number_string).toBe("11");
    nc.effect_number_string = "0B";
    expect(nc.effect_number_value).toBe(11);
    expect(() => (nc.effect_number_string = "--")).toThrow(PatternValueError);
    expect(() => (nc.effect_amount_string = "ZZ")).toThrow(PatternValueError);
  });
});
