import { describe, expect, it } from "vitest";
import { Observable, ObservableError } from "../../src/renoise/document/observable.js";

describe("Observable notifier forms", () => {
  it("accepts fn, (obj, fn), (fn, obj) and {obj, fn} and finds each by identity", () => {
    const o = new Observable();
    const calls: string[] = [];
    const ctx = { name: "ctx" };
    function method(this: void, self: { name: string }) {
      calls.push(`method ${self.name}`);
    }
    const fn = () => calls.push("fn");
    o.add_notifier(fn);
    o.add_notifier(ctx, method);
    expect(o.has_notifier(method, ctx)).toBe(true);
    expect(o.has_notifier([ctx, method])).toBe(true);
    expect(o.has_notifier(fn)).toBe(true);
    expect(o.has_notifier(() => undefined)).toBe(false);
    o.notify();
    expect(calls).toEqual(["fn", "method ctx"]);
  });

  it("raises when a notifier is added twice or removed without being added", () => {
    const o = new Observable();
    const fn = () => undefined;
    o.add_notifier(fn);
    expect(() => o.add_notifier(fn)).toThrow(ObservableError);
    o.remove_notifier(fn);
    expect(() => o.remove_notifier(fn)).toThrow(/was not added/);
  });

  it("removes every notifier of an object given alone, without error when it has none", () => {
    const o = new Observable();
    const ctx = {};
    o.add_notifier(ctx, () => undefined);
    o.add_notifier(() => undefined, ctx);
    o.remove_notifier(ctx);
    expect(o.notifierCount).toBe(0);
    expect(() => o.remove_notifier(ctx)).not.toThrow();
  });

  it("skips a notifier removed by an earlier one in the same round; one added waits for the next", () => {
    const o = new Observable();
    const calls: string[] = [];
    const b = () => calls.push("b");
    const c = () => calls.push("c");
    o.add_notifier(() => {
      calls.push("a");
      if (o.has_notifier(b)) o.remove_notifier(b);
      if (!o.has_notifier(c)) o.add_notifier(c);
    });
    o.add_notifier(b);
    o.notify();
    expect(calls).toEqual(["a"]);
    o.notify();
    expect(calls).toEqual(["a", "a", "c"]);
  });
});
