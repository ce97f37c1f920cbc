import { describe, expect, it } from "vitest";
import { lazyFunction } from "../../src/core/lazy-function.js";

// lazyFunction(load) stands for load()'s function, made on the first call or property touch, once.
describe("lazyFunction", () => {
  function makeReal(): ((x: number) => number) & { extra: string; nested: { n: number } } {
    return Object.assign((x: number) => x * 2, { extra: "yes", nested: { n: 1 } });
  }

  it("does not load at creation; the first call loads once and answers as the real function", () => {
    let loads = 0;
    const f = lazyFunction(() => (loads++, makeReal()));
    expect(loads).toBe(0);
    expect(typeof f).toBe("function");
    expect(loads).toBe(0);
    expect(f(21)).toBe(42);
    expect(f(1)).toBe(2);
    expect(loads).toBe(1);
  });

  it("forwards property reads, writes, `in` and own keys to the real function", () => {
    let loads = 0;
    const real = makeReal();
    const f = lazyFunction(() => (loads++, real));
    expect(f.extra).toBe("yes");
    expect(loads).toBe(1);
    expect(f.nested).toBe(real.nested);
    expect("extra" in f).toBe(true);
    expect("missing" in f).toBe(false);
    (f as unknown as { added: number }).added = 5;
    expect((real as unknown as { added: number }).added).toBe(5);
    expect(Object.keys(f)).toEqual(Object.keys(real));
    expect(Object.getOwnPropertyDescriptor(f, "extra")?.value).toBe("yes");
    expect(loads).toBe(1);
  });

  it("passes `this` and every argument through", () => {
    const real = function (this: unknown, ...args: unknown[]): unknown[] {
      return [this, ...args];
    };
    const f = lazyFunction(() => real);
    const self = { me: true };
    expect(f.call(self, 1, "two")).toEqual([self, 1, "two"]);
  });
});
