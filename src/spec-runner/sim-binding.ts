import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { text, toText } from "../core/bytes.js";
import { SimulationUsageError } from "../core/errors.js";
import { LuaRef, multi, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import type { SocketClient } from "../renoise/socket/types.js";
import type { Simulation, SimHost } from "../sim/simulation.js";
import { bindSocket, type SocketBinding } from "../tool/socket-binding.js";
import { loadLuaTool, type LuaTool, type LuaToolOptions } from "../tool/index.js";
import { renderMermaid } from "../trace/mermaid.js";
import { replayTokenTool } from "../prop/fuzz/replay-token.js";
import { decodeReplayToken, fuzzCampaign, fuzzTokenOf, type SpecFuzzOptions } from "./fuzz.js";
import { camelKeys, fromLuaJson, toLuaData } from "./lua-data.js";
import { SIM_LUA } from "./lua/sim.js";

/** One test's world: its simulation, the spec's tool folder, and the tools it loaded. */
export interface SpecWorld {
  readonly sim: Simulation;
  /** The tool folder the spec belongs to (`sim.load_tool()` with no folder loads it). */
  readonly toolRoot: string;
  /** Folder replay tokens are written relative to. */
  readonly cwd: string;
  /** Tools loaded with `sim.load_tool`, unloaded after the test. */
  readonly loaded: LuaTool[];
}

/**
 * A section of the `sim` global added by an area of the double (song,
 * preferences, MIDI, dialogs as they land): a table of host functions that
 * appears as `sim.<name>`. Register it in {@link SIM_SECTIONS}.
 */
export type SimSection = (world: SpecWorld, vm: LuaVm) => Record<string, LuaInput>;

/** Sections of the `sim` global beyond the network (empty today; see docs/lua-testing.md). */
export const SIM_SECTIONS: Record<string, SimSection> = {};

/** What the runner keeps of an installed `sim` global. */
export interface SimBinding {
  /** Does the asynchronous work a spec asked for with `api.await`; returns the reply for `resume`. */
  runAsync(op: string, args: LuaValue[]): Promise<LuaInput[]>;
}

function num(v: LuaValue, call: string, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new SimulationUsageError(`${call}: ${what} must be a number, got ${v === undefined ? "nil" : typeof v}`);
  }
  return v;
}

function str(v: LuaValue, call: string, what: string): string {
  if (typeof v !== "string") throw new SimulationUsageError(`${call}: ${what} must be a string, got ${v === undefined ? "nil" : typeof v}`);
  return toText(v);
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function methodsOf(target: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(target) as object | null; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (n !== "constructor" && typeof (target as Record<string, unknown>)[n] === "function") names.add(n);
    }
  }
  return [...names];
}

/** A handle returned by a fault or condition, as a Lua table of functions (`handle:remove()`). */
function handleTable(r: unknown): LuaInput {
  if (typeof r !== "object" || r === null) return toLuaData(r);
  const out: Record<string, LuaInput> = {};
  for (const m of methodsOf(r)) {
    out[camelToSnake(m)] = (() => toLuaData((r as Record<string, () => unknown>)[m]!()));
  }
  for (const [k, v] of Object.entries(r)) {
    out[camelToSnake(k)] = typeof v === "function" ? () => toLuaData((v as () => unknown).call(r)) : toLuaData(v);
  }
  return out;
}

/** Converts a value returned by another Lua VM (a tool's `eval`) into plain data for this VM. */
function copyOut(vm: LuaVm, v: LuaValue, depth = 0): LuaInput {
  if (!(v instanceof LuaRef)) return typeof v === "object" ? text(`<${(v).constructor?.name ?? "object"}>`) : v;
  if (v.type !== "table" || depth > 8) return text(`<${v.type}>`);
  const [n, keys, values] = vm.run("local t = ... local ks, vs = {}, {} for k, x in pairs(t) do ks[#ks+1] = k vs[#vs+1] = x end return #ks, ks, vs", "=[renoise-sim eval]", v);
  const out: Record<string, LuaInput> = {};
  const arr: LuaInput[] = [];
  let isArray = true;
  for (let i = 1; i <= (n as number); i++) {
    const k = (keys as LuaRef).get(i);
    const x = copyOut(vm, (values as LuaRef).get(i), depth + 1);
    if (typeof k === "number" && k === i) arr.push(x);
    else isArray = false;
    out[typeof k === "string" || typeof k === "number" ? String(k) : "?"] = x;
  }
  (keys as LuaRef).release();
  (values as LuaRef).release();
  return isArray && arr.length === (n as number) ? arr : out;
}

/**
 * Installs the `sim` global into a spec's Lua VM (see docs/lua-testing.md
 * for the table). `api` is the runner's Lua API (its `await`).
 */
export function installSim(vm: LuaVm, world: SpecWorld, api: LuaRef): SimBinding {
  const { sim } = world;
  const sockets = new Map<string, SocketBinding>();
  const socketFor = (h: SimHost): SocketBinding => {
    let b = sockets.get(h.name);
    if (!b) sockets.set(h.name, (b = bindSocket(vm, h.Socket)));
    return b;
  };

  const toolClass = vm.defineClass<LuaTool>({
    typeName: "SimTool",
    properties: {
      name: { get: (t) => text(t.name) },
      id: { get: (t) => text(t.id) },
      host: { get: (t) => text(t.host) },
      bundle_path: { get: (t) => text(t.bundlePath) },
      loaded: { get: (t) => t.loaded },
    },
    methods: {
      invoke_menu: (t, name) => t.invokeMenu(str(name, "tool:invoke_menu", "name")),
      invoke_keybinding: (t, name) => t.invokeKeybinding(str(name, "tool:invoke_keybinding", "name")),
      menu_entries: (t) => t.menuEntries.map(text),
      keybindings: (t) => t.keybindings.map(text),
      midi_mappings: (t) => t.midiMappings.map(text),
      printed: (t) => [...t.printedBytes],
      messages: (t) => t.messages.map((m) => ({ kind: text(m.kind), text: text(m.text) })),
      preferences: (t) => toLuaData(t.readPreferences()),
      unload: (t) => t.unload(),
      eval: (t, code, ...args) => {
        const source = str(code, "tool:eval", "code");
        const plain = args.map((a) => (typeof a === "object" ? undefined : a));
        const out = t.vm.run(text(source), "=[tool:eval]", ...plain);
        const copied = out.map((v) => copyOut(t.vm, v));
        for (const v of out) if (v instanceof LuaRef) v.release();
        return multi(...copied);
      },
    },
    tostring: (t) => text(`SimTool: ${t.id}`),
  });

  const sections: Record<string, LuaInput> = {};
  for (const [name, make] of Object.entries(SIM_SECTIONS)) sections[name] = make(world, vm);

  const H: Record<string, LuaInput> = {
    seed: sim.seed,
    tool_host: sim.host.name,
    sections,
    now: () => sim.now,
    advance: (ms) => void sim.advance(num(ms, "sim.advance", "ms")),
    run_until_idle: () => sim.runUntilIdle(),
    register_name: (name, address) => sim.registerName(str(name, "sim.register_name", "name"), str(address, "sim.register_name", "address")),
    trace: (n) => {
      const lines = sim.formatTrace().split("\n");
      return text((typeof n === "number" ? lines.slice(-n) : lines).join("\n"));
    },
    events: () => toLuaData(sim.events),
    trace_jsonl: () => text(sim.traceJsonl()),
    diagram: () => text(renderMermaid(sim.events)),
    pending_work: () => toLuaData(sim.pendingWork()),
    host: (name) => {
      const h = sim.getHost(str(name, "sim.get_host", "name"));
      if (h.name === sim.host.name) return { name: text(h.name), address: text(h.address) };
      return { name: text(h.name), address: text(h.address), Socket: socketFor(h).table };
    },
    add_host: (name, json) => {
      const [options] = camelKeys(fromLuaJson(json as string)) as [Record<string, unknown> | undefined];
      sim.addHost(str(name, "sim.add_host", "name"), (options ?? {}));
    },
    spawn: (hostName, coRef, peerRef) => spawnPeer(str(hostName, "sim.spawn", "host"), coRef as LuaRef, peerRef as LuaRef),
    facade: (area, name, json) => {
      const a = toText(area as string);
      const target = (a === "faults" ? sim.faults : sim.conditions) as unknown as Record<string, (...x: unknown[]) => unknown>;
      const method = snakeToCamel(toText(name as string));
      const known = methodsOf(target);
      if (!known.includes(method)) {
        const kind = a === "faults" ? "fault" : "condition";
        throw new SimulationUsageError(`sim.${a}.${toText(name as string)}: no such ${kind}; there are ${known.map(camelToSnake).join(", ")}`);
      }
      const args = camelKeys(fromLuaJson(json as string)) as unknown[];
      while (args.length && args[args.length - 1] === null) args.pop();
      return handleTable(target[method]!(...args.map((x) => (x === null ? undefined : x))));
    },
  };

  const [simTable, resumePeer] = vm.run(SIM_LUA, "=[renoise-sim sim]", H, api);
  if (!(simTable instanceof LuaRef) || !(resumePeer instanceof LuaRef)) throw new Error("sim glue did not return its tables");
  vm.setGlobal("sim", simTable);
  simTable.release();
  const resume: LuaRef = resumePeer;

  function spawnPeer(hostName: string, co: LuaRef, peerTable: LuaRef): void {
    const h = sim.getHost(hostName);
    const binding = socketFor(h);
    co.retain();
    peerTable.retain();
    sim.spawn(h, function* (peer) {
      let reply: LuaInput[] = [peerTable];
      try {
        for (;;) {
          const [op, a, b, c, d] = resume.call(co, ...reply);
          if (op === "done") return;
          if (op === "error") throw new SimulationUsageError(`peer script on ${hostName} failed: ${toText(a as string)}`);
          if (op === "connect") {
            const [client, err] = yield* peer.connect(str(a, "peer:connect", "address"), num(b, "peer:connect", "port"), c as never, d as number | undefined);
            reply = [client ? binding.wrapClient(client) : undefined, err];
          } else if (op === "receive") {
            const [data, err] = yield* peer.receive(a as SocketClient, b as never, num(c, "peer:receive", "timeout"));
            reply = [data, err];
          } else if (op === "sleep") {
            yield* peer.sleep(num(a, "peer:sleep", "ms"));
            reply = [];
          } else {
            throw new SimulationUsageError(`peer script on ${hostName} yielded ${typeof op === "string" ? toText(op) : typeof op}; use peer:connect, peer:receive or peer:sleep`);
          }
        }
      } finally {
        co.release();
        peerTable.release();
      }
    });
  }

  async function loadTool(dirArg: LuaValue, json: string): Promise<LuaInput[]> {
    const [raw] = camelKeys(fromLuaJson(json)) as [Record<string, unknown> | null];
    const o = raw ?? {};
    const dir = dirArg === undefined ? world.toolRoot : resolve(isAbsolute(toText(dirArg as string)) ? "/" : world.toolRoot, toText(dirArg as string));
    if (!existsSync(dir)) throw new SimulationUsageError(`sim.load_tool: no such tool folder or script: ${dir}`);
    const isDir = statSync(dir).isDirectory();
    if (isDir && !existsSync(resolve(dir, "main.lua"))) throw new SimulationUsageError(`sim.load_tool: ${dir} has no main.lua`);
    const options: LuaToolOptions = isDir ? { dir } : { file: dir };
    if (o.preferences !== undefined) options.preferences = o.preferences as Record<string, unknown>;
    if (o.prompts !== undefined) options.prompts = o.prompts as string[];
    if (o.host !== undefined) options.host = o.host as string;
    if (o.instructionLimit !== undefined) options.instructionLimit = o.instructionLimit as number;
    const tool = await loadLuaTool(sim, options);
    world.loaded.push(tool);
    return ["ok", vm.wrap(tool, toolClass)];
  }

  async function fuzz(json: string): Promise<LuaInput[]> {
    const [o] = camelKeys(fromLuaJson(json)) as [SpecFuzzOptions & { dir?: string }];
    const dir = o.dir === undefined ? world.toolRoot : resolve(world.toolRoot, o.dir);
    const token = fuzzTokenOf(o, dir, sim.seed, world.cwd);
    const outcome = await fuzzCampaign(token, dir, false);
    if (outcome.report) return ["fail", text(outcome.report)];
    return ["ok", { runs: outcome.runs, seed: outcome.seed }];
  }

  async function replay(token: string): Promise<LuaInput[]> {
    const t = decodeReplayToken(token);
    const outcome = await fuzzCampaign(t, replayTokenTool(t, world.cwd), true);
    if (outcome.report) return ["fail", text(outcome.report)];
    return ["ok", true];
  }

  return {
    async runAsync(op, args) {
      try {
        if (op === "load_tool") return await loadTool(args[0], args[1] as string);
        if (op === "fuzz_tool") return await fuzz(args[0] as string);
        if (op === "replay") return await replay(toText(args[0] as string));
        return ["error", text(`renoise-sim: unknown asynchronous operation ${op}`)];
      } catch (e) {
        return ["error", text(e instanceof Error ? e.message : String(e))];
      }
    },
  };
}
