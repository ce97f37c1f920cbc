import { describe, expect, it } from "vitest";
import { Bundle, Message, OscBundle, OscMessage, from_binary_data } from "../../src/renoise/osc/index.js";

describe("from_binary_data accepts a message without a type tag string (OSC 1.0 robustness)", () => {
  it("an address alone decodes as a message without arguments", () => {
    const [msg, err] = from_binary_data("/renoise/transport/start\0\0\0\0");
    expect(err).toBeUndefined();
    expect(msg).toBeInstanceOf(OscMessage);
    expect(msg).toMatchObject({ pattern: "/renoise/transport/start", arguments: [] });
    // binary_data is the canonical encoding, with the empty type tag string
    expect(msg?.binary_data).toBe(Message("/renoise/transport/start").binary_data);
  });

  it("also inside a bundle", () => {
    const data = "#bundle\0" + "\0\0\0\0\0\0\0\x01" + "\0\0\0\x04" + "/ab\0";
    const [b, err] = from_binary_data(data);
    expect(err).toBeUndefined();
    expect(b).toBeInstanceOf(OscBundle);
    expect(b?.binary_data).toBe(Bundle(1, [Message("/ab")]).binary_data);
  });
});
