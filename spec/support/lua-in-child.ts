import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The start of a child script: imports `createLuaVm` and
 * `LuaInstructionLimitError` from this tree's `src/lua`, and defines
 * `say(f)`, which prints `returned <f()'s value as JSON>`, `limit` for a
 * LuaInstructionLimitError, or `other <message>`.
 */
export const LUA_CHILD_PRELUDE = `
const { createLuaVm, LuaInstructionLimitError } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "src/lua/index.js")).href)});
const say = (f) => {
  try { console.log("returned " + JSON.stringify(f())); }
  catch (e) { console.log(e instanceof LuaInstructionLimitError ? "limit" : "other " + e.message); }
};
`;

/**
 * Runs `script` (an ES module, after {@link LUA_CHILD_PRELUDE}) in a child
 * Node process with a time-out, for Lua that would hang the test worker if
 * the behaviour under test broke; returns its printed lines. Throws (with
 * what it wrote to stderr) when it timed out or could not run.
 */
export function runLuaInChild(script: string, timeoutMs = 60_000): string[] {
  const r = spawnSync(process.execPath, ["--import", join(ROOT, "bench/ts-loader.mjs"), "--input-type=module", "-e", LUA_CHILD_PRELUDE + script], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutMs,
  });
  if (r.error) throw new Error(`child process: ${r.error.message}\n${r.stderr}`);
  return r.stdout.trim().split("\n");
}
