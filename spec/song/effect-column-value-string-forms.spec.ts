import { describe, expect, it } from "vitest";
import { Pattern } from "../../src/renoise/song/pattern.js";
import { PatternValueError } from "../../src/renoise/song/pattern-errors.js";

function column() {
  return Pattern.standalone([1]).track(1).line(1).effect_column(1);
}

describe("effect column numbers are two effect characters, amounts two hex digits", () => {
  it("number: each character 0-9 or A-Z, (first << 8) + second", () => {
    const ec = column();
    ec.number_string = "ZT";
    expect(ec.number_value).toBe(35 * 256 + 29);
    ec.number_value = 0x030a;
    expect(ec.number_string).toBe("3A");
    ec.number_string = "..";
    expect(ec.number_value).toBe(0);
    expect(ec.number_string).toBe("00");
    for (const bad of ["zt", "&*", "8", "123"]) expect(() => (ec.number_string = bad)).toThrow(PatternValueError);
    for (const bad of [36, 256 + 36, 36 * 256]) expect(() => (ec.number_value = bad)).toThrow(PatternValueError);
  });

  it("amount: 00..FF", () => {
    const ec = column();
    ec.amount_string = "4A";
    expect(ec.amount_value).toBe(74);
    ec.amount_value = 99;
    expect(ec.amount_string).toBe("63");
    expect(() => (ec.amount_string = "GG")).toThrow(PatternValueError);
    expect(() => (ec.amount_value = 256)).toThrow(PatternValueError);
  });

  it("is_empty until something is set; clear() empties it again", () => {
    const ec = column();
    expect(ec.is_empty).toBe(true);
    ec.amount_value = 1;
    expect(ec.is_empty).toBe(false);
    ec.clear();
    expect(ec.is_empty).toBe(true);
  });
});
