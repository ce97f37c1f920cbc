import { resolve } from "node:path";
import { discoverSpecFiles } from "./discover.js";
import { luaPatternToRegExp } from "./lua-pattern.js";
import { runSpecFile } from "./run-file.js";
import { findToolRoot } from "./world.js";
import {
  SpecUsageError,
  type SpecListener,
  type SpecLoadError,
  type SpecRunOptions,
  type SpecRunSummary,
  type SpecStatus,
  type SpecTestResult,
} from "./types.js";

/**
 * Runs Lua spec files (busted style) and plain Renoise-style test scripts
 * against the simulation: every test in a fresh simulation and Lua state
 * with the same seed. `paths` are files or folders (folders give their
 * `*_spec.lua` files). See docs/lua-testing.md.
 *
 * ```ts
 * const summary = await runSpecs(["fixtures/tools/line-server/spec"], { seed: 1 });
 * summary.exitCode; // 0 all passed, 1 a test failed, 2 a file could not be loaded
 * ```
 */
export async function runSpecs(paths: readonly string[], options: SpecRunOptions = {}, listener: SpecListener = {}): Promise<SpecRunSummary> {
  const cwd = options.cwd ?? process.cwd();
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new SpecUsageError(`test: the seed must be a whole number, got ${String(seed)}`);
  const latency = options.latency ?? 5;
  if (!(latency >= 0)) throw new SpecUsageError(`test: the latency must be >= 0 ms, got ${String(latency)}`);
  let filter: RegExp | undefined;
  if (options.filter !== undefined) {
    try {
      filter = luaPatternToRegExp(options.filter);
    } catch (e) {
      throw new SpecUsageError(`test: --filter: ${(e as Error).message}`);
    }
  }
  const shard = options.shard;
  if (shard && !(Number.isInteger(shard.index) && Number.isInteger(shard.count) && shard.count >= 1 && shard.index >= 1 && shard.index <= shard.count)) {
    throw new SpecUsageError(`test: --shard must be i/n with 1 <= i <= n, got ${shard.index}/${shard.count}`);
  }
  const files = discoverSpecFiles(paths, cwd);
  const toolDir = options.toolDir !== undefined ? resolve(cwd, options.toolDir) : undefined;

  const results: SpecTestResult[] = [];
  const loadErrors: SpecLoadError[] = [];
  let counted = 0;
  listener.onStart?.({ files, seed, ...(shard ? { shard } : {}) });
  for (const [index, file] of files.entries()) {
    listener.onFile?.(file, index);
    await runSpecFile(file, {
      seed,
      latency,
      cwd,
      toolRoot: toolDir ?? findToolRoot(file),
      diagramDir: options.diagramDir ?? "renoise-sim-failures",
      traceLines: options.traceLines ?? 12,
      select(fullName) {
        if (filter && !filter.test(fullName)) return false;
        const k = counted++;
        return !shard || k % shard.count === shard.index - 1;
      },
      emit(result) {
        results.push(result);
        listener.onTest?.(result);
      },
      loadError(message) {
        const e = { file, message };
        loadErrors.push(e);
        listener.onLoadError?.(e);
      },
    });
  }
  const counts: Record<SpecStatus, number> = { success: 0, failure: 0, error: 0, pending: 0 };
  for (const r of results) counts[r.status]++;
  const exitCode = loadErrors.length ? 2 : counts.failure + counts.error > 0 ? 1 : 0;
  const summary: SpecRunSummary = { seed, files, results, loadErrors, counts, exitCode };
  listener.onEnd?.(summary);
  return summary;
}
