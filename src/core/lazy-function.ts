/**
 * A function that stands for another made on first use: calling it, reading
 * or writing its properties, `in`, `Object.keys` and the like all go to
 * `load()`'s function, which is made (once) the first time any of them
 * happens. For an export whose module costs seconds to load (`test` of
 * `@fast-check/vitest`) that most importers never touch.
 *
 * The stand-in is a function (`typeof` says so) but not the function
 * itself: `stand === load()` is false, it cannot be called with `new`, and
 * its properties are reported configurable (a proxy may not report a
 * property its target lacks as fixed).
 *
 * @internal
 */
export function lazyFunction<F extends (...args: never[]) => unknown>(load: () => F): F {
  let real: F | undefined;
  const get = (): F => (real ??= load());
  // An arrow function: all its own properties are configurable and it has no `prototype`, so reporting the real
  // function's keys and (configurable) descriptors breaks none of a proxy's rules.
  const stand = (() => undefined) as unknown as F;
  return new Proxy(stand, {
    apply: (_t, self, args) => Reflect.apply(get(), self, args) as unknown,
    get: (_t, key) => Reflect.get(get(), key) as unknown,
    set: (_t, key, value) => Reflect.set(get(), key, value),
    has: (_t, key) => Reflect.has(get(), key),
    deleteProperty: (_t, key) => Reflect.deleteProperty(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_t, key, d) => Reflect.defineProperty(get(), key, d),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}
