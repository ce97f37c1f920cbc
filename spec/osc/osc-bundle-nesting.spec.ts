import { describe, expect, it } from "vitest";
import { Bundle, Message, OscBundle, OscMessage, from_binary_data } from "../../src/renoise/osc/index.js";

describe("bundles nest, and nested bundles decode recursively", () => {
  const inner = Bundle(5, [Message("/inner/a", [{ tag: "s", value: "x" }]), Message("/inner/b")]);
  const outer = Bundle(1, [Message("/first"), inner, Bundle(7, [Bundle(9, [])])]);

  it("a nested bundle is embedded as a size-prefixed element", () => {
    const firstSize = Message("/first").binary_data.length;
    const at = 16 + 4 + firstSize; // header+timetag, size, /first
    const size = outer.binary_data.charCodeAt(at + 3) | (outer.binary_data.charCodeAt(at + 2) << 8);
    expect(size).toBe(inner.binary_data.length);
    expect(outer.binary_data.slice(at + 4, at + 4 + size)).toBe(inner.binary_data);
  });

  it("from_binary_data rebuilds the same tree", () => {
    const [back, err] = from_binary_data(outer.binary_data);
    expect(err).toBeUndefined();
    expect(back).toBeInstanceOf(OscBundle);
    const b = back as OscBundle;
    expect(b.timetag).toBe(1);
    expect(b.elements).toHaveLength(3);
    expect(b.elements[0]).toBeInstanceOf(OscMessage);
    expect((b.elements[0] as OscMessage).pattern).toBe("/first");
    const nested = b.elements[1] as OscBundle;
    expect(nested).toBeInstanceOf(OscBundle);
    expect(nested.timetag).toBe(5);
    expect(nested.elements.map((e) => (e as OscMessage).pattern)).toEqual(["/inner/a", "/inner/b"]);
    expect((nested.elements[0] as OscMessage).arguments).toEqual([{ tag: "s", value: "x" }]);
    const deep = (b.elements[2] as OscBundle).elements[0] as OscBundle;
    expect(deep.timetag).toBe(9);
    expect(deep.elements).toEqual([]);
    expect(b.binary_data).toBe(outer.binary_data);
  });

  it("deep nesting (64 levels) still decodes", () => {
    let b = Bundle(1, [Message("/leaf")]);
    for (let i = 0; i < 63; i++) b = Bundle(1, [b]);
    const [back, err] = from_binary_data(b.binary_data);
    expect(err).toBeUndefined();
    expect(back?.binary_data).toBe(b.binary_data);
  });
});
