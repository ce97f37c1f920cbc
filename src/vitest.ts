/**
 * renoise-sim/vitest: helpers that read naturally in a vitest file — trace
 * matchers, a compact trace snapshot serializer, `fuzzTest` and `propTest`.
 * Kept apart from the main entry so that importing renoise-sim never loads
 * vitest. Everything but `propTest`, `test` and `fc` is also in
 * renoise-sim/vitest/base, which does not load `@fast-check/vitest` (~3–4 s
 * in a fresh process).
 *
 * ```ts
 * import { installRenoiseMatchers, fuzzTest } from "renoise-sim/vitest";
 * installRenoiseMatchers();
 * fuzzTest("my notifier survives cut streams", (ctx) => createMyNotifier(ctx));
 * ```
 *
 * @module
 */
import fc from "fast-check";
import { test as fcTest } from "@fast-check/vitest";

export * from "./vitest-base.js";

/**
 * Registers a vitest test for a fast-check property through
 * `@fast-check/vitest`'s `test.prop`:
 * `propTest("name", [arbA, arbB], (a, b) => ..., { numRuns: 50 })`.
 * The predicate may use `expect` or return false. Unlike plain `test.prop`,
 * the seed is printed on success too, so every run can be repeated.
 */
export function propTest<Ts extends unknown[]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => boolean | void,
  params: fc.Parameters<Ts> = {},
  timeout?: number,
): void {
  const reporter = (details: fc.RunDetails<Ts>) => {
    console.log(`${name}: seed ${details.seed}${details.failed ? `, path "${details.counterexamplePath}"` : ""}`);
    if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `${name}: property failed`);
  };
  const prop = fcTest.prop as unknown as (
    arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    p: fc.Parameters<Ts>,
  ) => (testName: string, fn: (...args: Ts) => boolean | void, timeout?: number) => void;
  prop(arbitraries, { ...params, reporter })(name, predicate, timeout);
}

export { fcTest as test, fc };
