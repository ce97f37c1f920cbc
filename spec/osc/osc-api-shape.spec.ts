import { describe, expect, it } from "vitest";
import {
  Bundle,
  Message,
  OscBundle,
  OscMessage,
  createOscApi,
  from_binary_data,
  isOscBundle,
  isOscMessage,
  isOscObject,
} from "../../src/renoise/osc/index.js";

describe("createOscApi() is shaped like renoise.Osc, and isOscObject recognizes its objects", () => {
  it("exposes Message, Bundle and from_binary_data, frozen", () => {
    const osc = createOscApi();
    expect(Object.keys(osc).sort()).toEqual(["Bundle", "Message", "from_binary_data"]);
    expect(Object.isFrozen(osc)).toBe(true);
    const msg = osc.Message("/x", [{ tag: "i", value: 1 }]);
    expect(msg).toBeInstanceOf(OscMessage);
    const bundle = osc.Bundle(1, msg);
    expect(bundle).toBeInstanceOf(OscBundle);
    expect(osc.from_binary_data(bundle.binary_data)[0]).toBeInstanceOf(OscBundle);
    expect(osc.from_binary_data).toBe(from_binary_data);
  });

  it("isOscObject is true only for messages and bundles", () => {
    const m = Message("/x");
    const b = Bundle(1, [m]);
    expect(isOscObject(m)).toBe(true);
    expect(isOscObject(b)).toBe(true);
    expect(isOscMessage(m) && !isOscMessage(b)).toBe(true);
    expect(isOscBundle(b) && !isOscBundle(m)).toBe(true);
    for (const x of [undefined, null, "/x", m.binary_data, { pattern: "/x", arguments: [], binary_data: "" }, 1]) {
      expect(isOscObject(x)).toBe(false);
    }
  });

  it("messages and bundles are read-only", () => {
    const m = Message("/x", [{ tag: "i", value: 1 }]);
    const b = Bundle(1, [m]);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.arguments)).toBe(true);
    expect(Object.isFrozen(m.arguments[0])).toBe(true);
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b.elements)).toBe(true);
    expect(() => {
      (m as { pattern: string }).pattern = "/y";
    }).toThrow(TypeError);
  });

  it("the constructor does not keep a reference to the caller's arrays", () => {
    const args = [{ tag: "i" as const, value: 1 }];
    const m = Message("/x", args);
    args.push({ tag: "i", value: 2 });
    expect(m.arguments).toHaveLength(1);
    const elems = [m];
    const b = Bundle(1, elems);
    elems.push(m);
    expect(b.elements).toHaveLength(1);
  });

  it("toString renders readably", () => {
    const m = Message("/foo", [
      { tag: "i", value: 1000 },
      { tag: "f", value: 1.5 },
      { tag: "s", value: "hi" },
      { tag: "T" },
    ]);
    expect(m.toString()).toBe('/foo ,ifsT 1000 1.5 "hi"');
    expect(Bundle(1, [m, Message("/b")]).toString()).toBe('#bundle 1 [/foo ,ifsT 1000 1.5 "hi"; /b ,]');
  });
});
