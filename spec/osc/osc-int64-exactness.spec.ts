import { describe, expect, it } from "vitest";
import type { OscBundle, OscMessage } from "../../src/renoise/osc/index.js";
import { Bundle, Message, from_binary_data } from "../../src/renoise/osc/index.js";

const decodeMessage = (m: OscMessage): OscMessage => from_binary_data(m.binary_data)[0] as OscMessage;

describe("int64 and time tag values stay exact: number when safe, bigint beyond", () => {
  it("safe integers are numbers, whether given as number or bigint", () => {
    const m = Message("/h", [
      { tag: "h", value: 42n },
      { tag: "h", value: Number.MAX_SAFE_INTEGER },
      { tag: "h", value: -Number.MAX_SAFE_INTEGER },
      { tag: "t", value: 5n },
    ]);
    expect(m.arguments.map((a) => a.value)).toStrictEqual([
      42,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      5,
    ]);
    expect(decodeMessage(m).arguments).toStrictEqual(m.arguments);
  });

  it("values beyond 2^53 are exact bigints", () => {
    const big = 2n ** 53n + 1n; // not representable as a double
    const m = Message("/h", [
      { tag: "h", value: big },
      { tag: "h", value: -big },
      { tag: "t", value: 2n ** 64n - 1n },
    ]);
    expect(m.arguments.map((a) => a.value)).toStrictEqual([big, -big, 2n ** 64n - 1n]);
    expect(m.binary_data.slice(-8)).toBe("\xff".repeat(8));
    expect(decodeMessage(m).arguments).toStrictEqual(m.arguments);
  });

  it("a large integer-valued number (2^60) is accepted and exposed as the exact bigint", () => {
    const m = Message("/h", [{ tag: "h", value: 2 ** 60 }]);
    expect(m.arguments[0]?.value).toBe(2n ** 60n);
    expect(m.binary_data.slice(-8)).toBe("\x10" + "\0".repeat(7));
  });

  it("bundle time tags follow the same rule, and fractional numbers are truncated", () => {
    expect(Bundle(1, []).timetag).toBe(1);
    expect(Bundle(12.9, []).timetag).toBe(12);
    const ntp = 0xe8f12a0080000000n;
    const b = Bundle(ntp, [Message("/a")]);
    expect(b.timetag).toBe(ntp);
    expect(b.binary_data.slice(8, 16)).toBe("\xe8\xf1\x2a\x00\x80\x00\x00\x00");
    const back = from_binary_data(b.binary_data)[0] as OscBundle;
    expect(back.timetag).toBe(ntp);
  });
});
