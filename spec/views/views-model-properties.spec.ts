import { describe, expect, it } from "vitest";
import { ViewBuilder, ViewError } from "../../src/index.js";

describe("views model: properties, ranges and notifiers", () => {
  it("applies constructor properties in Renoise's order (range before value) and fires value notifiers on change only", () => {
    const vb = new ViewBuilder();
    const seen: number[] = [];
    const slider = vb.slider({ value: 20, max: 100, min: 1, notifier: (v: number) => seen.push(v) });
    expect([slider.get("min"), slider.get("max"), slider.get("value")]).toEqual([1, 100, 20]);
    slider.set("value", 30);
    slider.set("value", 30);
    expect(seen).toEqual([30]);
    expect(() => slider.set("value", 101)).toThrow(ViewError);
    expect(() => slider.set("value", "5")).toThrow(/a number expected/);
  });

  it("raises for unknown properties, bad enums and bad sizes", () => {
    const vb = new ViewBuilder();
    expect(() => vb.text({ colour: 1 })).toThrow(/unknown property 'colour' for a view of type 'Text'/);
    expect(() => vb.text({ align: "middle" })).toThrow(/one of "left", "right", "center"/);
    expect(() => vb.button({ width: "wide" })).toThrow(/percentage/);
    expect(vb.button({ width: "50%" }).get("width")).toBe("50%");
  });

  it("keeps ids unique per builder and children in one parent", () => {
    const vb = new ViewBuilder();
    const t = vb.text({ id: "status", text: "idle" });
    expect(vb.views.status).toBe(t);
    expect(() => vb.text({ id: "status" })).toThrow(/already exists/);
    const a = vb.column({}, t);
    expect(() => vb.row({}, t)).toThrow(/child of another view/);
    a.remove_child(t);
    expect(() => a.remove_child(t)).toThrow(/not a child/);
  });

  it("text fields alias text to value; multi-line texts keep paragraphs and lines", () => {
    const vb = new ViewBuilder();
    const f = vb.textfield({ text: "a" });
    expect(f.get("value")).toBe("a");
    const log = vb.multiline_text({ paragraphs: ["one", "two"] });
    log.add_line("three");
    expect(log.get("text")).toBe("one\ntwo\nthree");
    log.clear();
    expect(log.get("paragraphs")).toEqual([]);
  });

  it("popup values are item indices; shrinking the items clamps the value", () => {
    const vb = new ViewBuilder();
    const p = vb.popup({ items: ["a", "b", "c"], value: 3 });
    expect(() => p.set("value", 4)).toThrow(/not an item index/);
    p.set("items", ["a"]);
    expect(p.get("value")).toBe(1);
  });
});
