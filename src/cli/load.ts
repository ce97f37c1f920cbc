import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadLuaTool, type LuaTool, type LuaToolOptions } from "../tool/index.js";
import type { Simulation } from "../sim/simulation.js";
import { parseScenario } from "../scenario/validate.js";
import type { Scenario } from "../scenario/types.js";
import { UsageError } from "./args.js";

/** Loads a tool folder (with main.lua) or a single .lua script into the tool host. */
export async function loadTarget(
  sim: Simulation,
  target: string,
  command: string,
  options: Omit<LuaToolOptions, "dir" | "file" | "files"> = {},
): Promise<LuaTool> {
  const path = resolve(target);
  if (!existsSync(path)) throw new UsageError(`${command}: no such tool folder or script: ${target}`);
  const st = statSync(path);
  if (st.isDirectory()) {
    if (!existsSync(resolve(path, "main.lua"))) throw new UsageError(`${command}: ${target} has no main.lua; a Renoise tool folder needs one`);
    return loadLuaTool(sim, { ...options, dir: path });
  }
  if (!path.endsWith(".lua")) throw new UsageError(`${command}: ${target} is neither a tool folder nor a .lua script`);
  return loadLuaTool(sim, { ...options, file: path });
}

/** Reads and validates a scenario file; a bad file is a usage error pointing at the field. */
export function readScenario(file: string, command: string): { scenario: Scenario; dir: string } {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`${command}: no such scenario file: ${file}`);
  try {
    return { scenario: parseScenario(readFileSync(path, "utf8")), dir: dirname(path) };
  } catch (e) {
    throw new UsageError(`${command}: ${file}: ${(e as Error).message}`);
  }
}
