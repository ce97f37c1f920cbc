/**
 * Loads the TypeScript sources for benchmarks the way users get them: esbuild
 * strips the types and nothing else. tsx also turns on esbuild's `keepNames`,
 * which wraps every named closure in a `__name(...)` call that defines a
 * property each time the closure is created — a cost that neither the
 * published build (tsup) nor vitest has, and that showed up in the profiles.
 *
 * Usage: node --import ./bench/ts-loader.mjs bench/run.ts
 */
/* global process, URL */
import { readFile } from "node:fs/promises";
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";
import { transform } from "esbuild";

if (isMainThread) {
  // The main thread only registers the hooks; they run in the loader thread.
  globalThis.__benchTsLoader = true;
  register(import.meta.url);
}

/** Resolves `./x.js` to `./x.ts` when only the TypeScript source exists. */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (e) {
    if (e?.code === "ERR_MODULE_NOT_FOUND" && /^(\.{1,2}\/|\/|file:).*\.js$/.test(specifier)) {
      return nextResolve(specifier.slice(0, -3) + ".ts", context);
    }
    throw e;
  }
}

/** The project's compiler options (class field semantics follow its target). */
const tsconfigRaw = JSON.parse(await readFile(new URL("../tsconfig.json", import.meta.url), "utf8"));

/** Compiles `.ts` files to ES modules. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const source = await readFile(new URL(url), "utf8");
  const out = await transform(source, {
    loader: "ts",
    format: "esm",
    target: `node${process.versions.node}`,
    sourcemap: "inline",
    sourcefile: new URL(url).pathname,
    tsconfigRaw,
  });
  return { format: "module", source: out.code, shortCircuit: true };
}
