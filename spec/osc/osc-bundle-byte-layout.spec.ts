import { describe, expect, it } from "vitest";
import { Bundle, Message, OSC_TIMETAG_IMMEDIATELY } from "../../src/renoise/osc/index.js";

const hex = (s: string): string =>
  Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(" ");

describe("renoise.Osc.Bundle binary_data matches hand-computed OSC 1.0 bytes", () => {
  it("header, time tag, then size-prefixed elements", () => {
    const b = Bundle(OSC_TIMETAG_IMMEDIATELY, [
      Message("/a", [{ tag: "i", value: 1 }]),
      Message("/bc"),
    ]);
    expect(hex(b.binary_data)).toBe(
      [
        "23 62 75 6e 64 6c 65 00", // "#bundle\0"
        "00 00 00 00 00 00 00 01", // time tag 1 = immediately
        "00 00 00 0c", // 12 bytes follow
        "2f 61 00 00 2c 69 00 00 00 00 00 01", // /a ,i 1
        "00 00 00 08", // 8 bytes follow
        "2f 62 63 00 2c 00 00 00", // /bc ,
      ].join(" "),
    );
  });

  it("a single message may be passed without an array", () => {
    const m = Message("/one");
    const b = Bundle(1, m);
    expect(b.elements).toEqual([m]);
    expect(b.binary_data).toBe(Bundle(1, [m]).binary_data);
  });

  it("an empty bundle is just header and time tag", () => {
    expect(hex(Bundle(0, []).binary_data)).toBe("23 62 75 6e 64 6c 65 00 00 00 00 00 00 00 00 00");
  });
});
