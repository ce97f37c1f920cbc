import { existsSync } from "node:fs";
import { dirname, join, parse } from "node:path";
import { toText } from "../core/bytes.js";
import { LuaError, type LuaPreloadChunk, type LuaRef } from "../lua/index.js";
import { startResponder } from "../scenario/responders.js";
import { createSimulation } from "../sim/simulation.js";
import { TOOL_LUA_PRELOAD } from "../tool/lua-preload.js";
import { loadLuaTool, type LuaTool } from "../tool/index.js";
import { BUSTED_LUA } from "./lua/busted.js";
import { LUASSERT_LUA } from "./lua/luassert.js";
import { SIM_LUA } from "./lua/sim.js";
import { installSim, type SimBinding, type SpecWorld } from "./sim-binding.js";

/** Address of the simulated httpbin.org every test world has (Renoise's socket test script talks to it). */
export const HTTPBIN_ADDRESS = "203.0.113.80";

/**
 * The tool folder a spec belongs to: the nearest folder, from the spec's own
 * upwards, holding a `manifest.xml` or `main.lua`, not above a folder that
 * holds `.git` or `package.json`; else the spec's own folder.
 */
export function findToolRoot(specFile: string): string {
  const own = dirname(specFile);
  for (let dir = own; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "manifest.xml")) || existsSync(join(dir, "main.lua"))) return dir;
    if (existsSync(join(dir, ".git")) || existsSync(join(dir, "package.json")) || dir === parse(dir).root) return own;
  }
}

/** A fresh simulation for one test: the seed, the latency, and httpbin.org answering HTTP on port 80. */
export function newWorld(seed: number, latency: number, toolRoot: string, cwd: string): SpecWorld {
  const sim = createSimulation({ seed, latency });
  startResponder(sim.addHost("httpbin.org", { address: HTTPBIN_ADDRESS }), { kind: "http", port: 80 });
  return { sim, toolRoot, cwd, loaded: [] };
}

/** A spec file loaded into a world: its VM (as a tool), the runner's API and the `sim` binding. */
export interface LoadedSpec {
  readonly world: SpecWorld;
  readonly tool: LuaTool;
  readonly api: { start: LuaRef; resume: LuaRef; count: LuaRef; info: LuaRef };
  readonly binding: SimBinding;
}

/** The chunks of a spec VM compiled into its snapshot: the tool API's and the runner's own. */
const SPEC_LUA_PRELOAD: readonly LuaPreloadChunk[] = Object.freeze([
  ...TOOL_LUA_PRELOAD,
  { name: "luassert", source: LUASSERT_LUA },
  { name: "busted", source: BUSTED_LUA },
  { name: "sim", source: SIM_LUA },
]);

/**
 * Loads a spec file as a tool of its tool folder (so `require` and `io` see
 * the tool's files, and `renoise` is bound to the world), with busted's API,
 * luassert and `sim` installed first. Throws the file's LuaError.
 */
export async function loadSpec(world: SpecWorld, rel: string): Promise<LoadedSpec> {
  let api: LoadedSpec["api"] | undefined;
  let binding: SimBinding | undefined;
  const tool = await loadLuaTool(world.sim, {
    dir: world.toolRoot,
    main: rel,
    preload: SPEC_LUA_PRELOAD,
    beforeMain: (vm) => {
      const [luassert] = vm.run(LUASSERT_LUA, "=[renoise-sim luassert]");
      const settle = () => void world.sim.advance(0);
      const [a] = vm.run(BUSTED_LUA, "=[renoise-sim busted]", settle, luassert);
      (luassert as LuaRef).release();
      const ref = a as LuaRef;
      const get = (n: string) => ref.get(n) as LuaRef;
      api = { start: get("start"), resume: get("resume"), count: get("count"), info: get("info") };
      binding = installSim(vm, world, ref);
      ref.release();
    },
  });
  return { world, tool, api: api!, binding: binding! };
}

/** Message of an error out of Lua or the simulation (without the Lua traceback). */
export function messageOf(e: unknown): string {
  if (e instanceof LuaError) return toText(e.luaMessage);
  return e instanceof Error ? e.message : String(e);
}

/** Traceback of a Lua error, if any. */
export function tracebackOf(e: unknown): string {
  return e instanceof LuaError ? e.luaTraceback : "";
}

/** Unloads every tool of the world and disposes of its simulation; errors on the way are ignored. */
export function closeWorld(world: SpecWorld, spec?: LuaTool): void {
  for (const t of [...world.loaded, ...(spec ? [spec] : [])]) {
    try {
      t.unload();
    } catch {
      // a tool whose unload notifier raises is still closed
    }
  }
  world.sim.dispose();
}
