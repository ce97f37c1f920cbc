import { describe, expect, it } from "vitest";
import { fromBytes } from "../../src/core/bytes.js";
import { Message, OscMessage, from_binary_data } from "../../src/renoise/osc/index.js";

const ALL_BYTES = fromBytes(Uint8Array.from({ length: 256 }, (_, i) => i));

describe("blobs carry any bytes, including NUL, exactly", () => {
  it("a blob with all 256 byte values round-trips and is laid out exactly", () => {
    const m = Message("/blob", [{ tag: "b", value: ALL_BYTES }]);
    // "/blob\0\0\0" (8) + ",b\0\0" (4) + size (4) + 256 bytes (no padding needed)
    expect(m.binary_data.length).toBe(8 + 4 + 4 + 256);
    expect(m.binary_data.slice(12, 16)).toBe("\x00\x00\x01\x00");
    expect(m.binary_data.slice(16)).toBe(ALL_BYTES);

    const [back, err] = from_binary_data(m.binary_data);
    expect(err).toBeUndefined();
    expect(back).toBeInstanceOf(OscMessage);
    expect((back as OscMessage).arguments).toEqual([{ tag: "b", value: ALL_BYTES }]);
  });

  it("blob padding for lengths 0..8", () => {
    for (let n = 0; n <= 8; n++) {
      const data = "\0\xff".repeat(5).slice(0, n);
      const m = Message("/b", [{ tag: "b", value: data }]);
      const padded = Math.ceil(n / 4) * 4;
      expect(m.binary_data.length).toBe(4 + 4 + 4 + padded);
      expect(m.binary_data.slice(12)).toBe(data + "\0".repeat(padded - n));
      expect((from_binary_data(m.binary_data)[0] as OscMessage).arguments[0]).toEqual({ tag: "b", value: data });
    }
  });

  it("a Uint8Array value is stored as the equivalent byte string", () => {
    const m = Message("/b", [{ tag: "b", value: Uint8Array.of(0, 1, 254, 255) }]);
    expect(m.arguments[0]).toEqual({ tag: "b", value: "\x00\x01\xfe\xff" });
  });
});
