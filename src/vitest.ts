/**
 * renoise-sim/vitest: helpers that read naturally in a vitest file — trace
 * matchers, a compact trace snapshot serializer, `fuzzTest` and `propTest`.
 * Kept apart from the main entry so that importing renoise-sim never loads
 * vitest. `@fast-check/vitest` (behind `propTest` and the re-exported `test`)
 * takes ~3–4 s to load in a fresh process, so it is loaded on first use:
 * the first `propTest` or touch of `test`, not at import. The same helpers
 * but those three are in renoise-sim/vitest/base, which never loads it.
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
import type * as FastCheckVitest from "@fast-check/vitest";
import { lazyFunction } from "./core/lazy-function.js";
import { lazyRequire } from "./core/node-require.js";

export * from "./vitest-base.js";

/**
 * `@fast-check/vitest`, required on first use (Node ≥ 20.19 requires an ES
 * module synchronously): at import it walks every chain of vitest's chained
 * `test` API, ~3–4 s in a fresh process, which a test file using only the
 * matchers or `fuzzTest` should not pay.
 */
const fastCheckVitest = lazyRequire<typeof FastCheckVitest>("@fast-check/vitest");

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
  const prop = fastCheckVitest().test.prop as unknown as (
    arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
    p: fc.Parameters<Ts>,
  ) => (testName: string, fn: (...args: Ts) => boolean | void, timeout?: number) => void;
  prop(arbitraries, { ...params, reporter })(name, predicate, timeout);
}

/**
 * `@fast-check/vitest`'s `test` (vitest's `test` with `test.prop`), loaded on
 * first use: a stand-in that forwards every call and property to it.
 */
export const test: typeof FastCheckVitest.test = lazyFunction(() => fastCheckVitest().test);

export { fc };
