import { describe, expect, it } from "vitest";
import { fromBytes } from "../../src/core/bytes.js";
import { Message } from "../../src/renoise/osc/index.js";

/** Byte string → "2f 66 6f ..." */
const hex = (s: string): string =>
  Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(" ");
/** "2f 66 ..." → byte string */
const bytes = (h: string): string => fromBytes(Uint8Array.from(h.split(/\s+/).filter(Boolean), (x) => parseInt(x, 16)));

describe("renoise.Osc.Message binary_data matches hand-computed OSC 1.0 bytes", () => {
  it("/foo with int32 1000, float32 1.5, string \"hi\"", () => {
    const m = Message("/foo", [
      { tag: "i", value: 1000 },
      { tag: "f", value: 1.5 },
      { tag: "s", value: "hi" },
    ]);
    expect(hex(m.binary_data)).toBe(
      [
        "2f 66 6f 6f 00 00 00 00", // "/foo" + 4 NUL
        "2c 69 66 73 00 00 00 00", // ",ifs" + 4 NUL
        "00 00 03 e8", // 1000
        "3f c0 00 00", // 1.5f
        "68 69 00 00", // "hi" + 2 NUL
      ].join(" "),
    );
    expect(m.binary_data.length).toBe(28);
  });

  it("a message without arguments still carries an empty type tag string", () => {
    expect(hex(Message("/a").binary_data)).toBe("2f 61 00 00 2c 00 00 00");
    expect(Message("/a", []).binary_data).toBe(Message("/a").binary_data);
  });

  it("negative int32 is two's complement; int64, double, time tag are 8 bytes", () => {
    const m = Message("/x", [
      { tag: "i", value: -2 },
      { tag: "h", value: -1 },
      { tag: "d", value: 1 },
      { tag: "t", value: 1 },
    ]);
    expect(m.binary_data).toBe(
      bytes(
        "2f 78 00 00  2c 69 68 64 74 00 00 00" +
          " ff ff ff fe" +
          " ff ff ff ff ff ff ff ff" +
          " 3f f0 00 00 00 00 00 00" +
          " 00 00 00 00 00 00 00 01",
      ),
    );
  });

  it("char, RGBA and MIDI are 32 bits; T F N I have no payload", () => {
    const m = Message("/y", [
      { tag: "c", value: "A" },
      { tag: "r", value: 0xff8000c0 },
      { tag: "m", value: 0x0190407f },
      { tag: "T" },
      { tag: "F" },
      { tag: "N" },
      { tag: "I" },
    ]);
    expect(hex(m.binary_data)).toBe(
      "2f 79 00 00 " +
        "2c 63 72 6d 54 46 4e 49 00 00 00 00 " + // ",crmTFNI" + 4 NUL
        "00 00 00 41 " +
        "ff 80 00 c0 " +
        "01 90 40 7f",
    );
  });

  it("blob: int32 length, bytes, zero padding; S like s", () => {
    const m = Message("/z", [
      { tag: "b", value: "\x00\x01\x02\xff\x80" },
      { tag: "S", value: "sym" },
    ]);
    expect(hex(m.binary_data)).toBe(
      "2f 7a 00 00 2c 62 53 00 " + "00 00 00 05 00 01 02 ff 80 00 00 00 " + "73 79 6d 00",
    );
  });
});
