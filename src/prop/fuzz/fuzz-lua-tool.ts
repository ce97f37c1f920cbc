import { loadLuaTool, type LuaToolOptions } from "../../tool/index.js";
import { describeCoverage } from "./coverage.js";
import { fuzzToolDetails, type FuzzToolDetails, type FuzzToolOptions } from "./fuzz-tool.js";

/** Options of {@link fuzzLuaTool}: the tool to load, plus the fuzz options. */
export interface FuzzLuaToolOptions extends FuzzToolOptions {
  /** Where to log the seed line. Default `console.log`; `false` prints nothing. */
  log?: ((line: string) => void) | false;
}

/**
 * Fuzzes a Lua tool's server (it must serve on `options.port`, default 8000,
 * from its main.lua): every scenario loads the tool into a fresh simulation
 * with a fresh Lua VM, plays generated peers (cut and merged TCP streams,
 * faults) against it, and fails when a notifier raises, the run never
 * settles or a built-in invariant breaks. Returns the details; see
 * {@link fuzzLuaTool} for the throwing form.
 */
export async function fuzzLuaToolDetails(tool: LuaToolOptions, options: FuzzLuaToolOptions = {}): Promise<FuzzToolDetails> {
  const d = await fuzzToolDetails(async (ctx) => {
    const loaded = await loadLuaTool(ctx.sim, tool);
    return { dispose: () => loaded.unload() };
  }, options);
  const log = options.log === undefined ? (line: string) => console.log(line) : options.log;
  if (log) {
    log(
      d.ok
        ? `fuzzLuaTool: ${d.runs} scenarios passed (seed ${d.seed}); ${describeCoverage(d.coverage)}`
        : `fuzzLuaTool: FAILED after ${d.runs} scenarios (seed ${d.seed}, path "${d.path}"); ${describeCoverage(d.coverage)}`,
    );
    for (const w of d.warnings) log(w.replace(/^fuzzTool:/, "fuzzLuaTool:"));
  }
  return d;
}

/** Like {@link fuzzLuaToolDetails}, but throws the {@link FuzzFailure} report when a scenario fails. */
export async function fuzzLuaTool(tool: LuaToolOptions, options: FuzzLuaToolOptions = {}): Promise<void> {
  const d = await fuzzLuaToolDetails(tool, options);
  if (!d.ok) throw d.failure;
}
