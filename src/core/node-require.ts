import { createRequire } from "node:module";

/**
 * Node's `require`, for the CommonJS packages renoise-sim loads on first use
 * rather than when it is imported (wasmoon, luaparse, @sinonjs/fake-timers, ajv): most
 * processes never need them, and each cost tens of milliseconds of a
 * process's start (every `npm test` worker, every command line run). Made
 * from this module's own file, so packages resolve from renoise-sim's place:
 * `__filename` where there is one (the CommonJS build, and an ES module build
 * that a user's bundler turned into CommonJS), else `import.meta.url`. Not
 * tsup's CommonJS shim for `import.meta.url`: it builds the URL from the path
 * unescaped (a `#` in a folder's name cut it) and answers a web page's URL
 * where a global `document` exists.
 *
 * @internal
 */
export const nodeRequire: NodeJS.Require = createRequire(typeof __filename === "string" ? __filename : import.meta.url);

/** A getter of the CommonJS package `name`, required on its first call (see {@link nodeRequire}). */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= nodeRequire(name) as T);
}
