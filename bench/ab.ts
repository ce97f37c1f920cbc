/**
 * Compares two checkouts of renoise-sim in one process, which this shared
 * 2-core machine needs: separate runs of the same tree differ by up to 2×
 * from one minute to the next, in-process runs see the same minute.
 *
 *   node --import ./bench/ts-loader.mjs bench/ab.ts <treeA> <treeB> <workload> [--reps N]
 *
 * Both trees' `src/` are imported into one process and their runs alternate;
 * each run is timed in CPU time. The tree imported second runs 15–40 % slower
 * whichever it is (seen in every pair of #19's second round), so without
 * `--order` this starts two processes, A then B and B then A, and prints
 * both; judge a change on both lines. Workloads: echo, echo-off, churn, fuzz,
 * lua-fuzz, lua-message, lua-message-socket (the handler names its socket), lua-udp-message, lua-message-distinct (a different message each time), param-kept, param-lookup, osc, note-writes, lua-loop, pattern-walk, column-walk, first-load-arg,
 * first-load-concat, translate-arg, tool-reload (see WORKLOADS).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { syntheticTool } from "./lua-frontend.js";

/** What a workload needs of a tree (its public API, as both trees have it). */
interface Sim {
  trace: { enabled: boolean };
  host: { address: string };
  renoise: { Socket: SocketApi };
  addHost(name: string): { Socket: SocketApi };
  runUntilIdle(): number;
  dispose(): void;
}
interface SocketApi {
  create_client(host: string, port: number, protocol?: number): [Client | undefined, string | undefined];
  create_server(port: number): [{ run(n: object): void } | undefined, string | undefined];
}
interface Client {
  send(data: string): unknown;
  receive(mode: string, ms: number): [string | undefined, string | undefined];
  close(): void;
  is_open: boolean;
}
interface Tool {
  dispose?(): void;
  vm: { run(code: string): unknown[]; call(name: string, ...args: unknown[]): unknown[] };
  unload(): void;
}
interface Tree {
  createSimulation(options?: { song?: object }): Sim;
  loadLuaTool(sim: Sim, o: { files: Record<string, string> } | { dir: string }): Promise<Tool>;
  fuzzNotifierDetails(make: () => object, o: object): { ok: boolean };
  fuzzToolDetails(start: (ctx: { sim: Sim }) => Promise<{ dispose(): void }>, o: object): Promise<{ ok: boolean }>;
  payloads: { lines(): unknown };
  createLuaVm(o: { luaVersion: "5.1" | "5.4"; instructionLimit: number }): Promise<{ run(src: string, chunkname: string): unknown; close(): void }>;
  clearFrontEndCache(): void;
  translate51(source: string, file: boolean, wrapConcat: boolean): { ok: boolean };
  /** The checkout's folder. */
  root: string;
}

/** One run of a workload: its rate in operations per CPU second. */
type Run = () => Promise<number>;

function cpuRate(n: number, f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return n / ((t.user + t.system) / 1e6);
}

const PING = "ping 0123456789abcdef0123456789\n";

function echo(t: Tree, trace: boolean): Run {
  return () => {
    const sim = t.createSimulation();
    sim.trace.enabled = trace;
    const [server] = sim.addHost("echo").Socket.create_server(7000);
    server!.run({ socket_message: (c: Client, m: string) => void c.send(m) });
    const [client] = sim.renoise.Socket.create_client("echo", 7000);
    const rate = cpuRate(20_000, () => {
      for (let i = 0; i < 20_000; i++) {
        client!.send(PING);
        if (client!.receive("*all", 1000)[0] !== PING) throw new Error("ab: echo answered something else");
      }
    });
    sim.dispose();
    return Promise.resolve(rate);
  };
}

function churn(t: Tree): Run {
  return () => {
    const sim = t.createSimulation();
    const [server] = sim.addHost("server").Socket.create_server(7000);
    server!.run({ socket_accepted: (c: Client) => c.close() });
    const rate = cpuRate(5_000, () => {
      for (let i = 0; i < 5_000; i++) sim.renoise.Socket.create_client("server", 7000)[0]!.close();
      sim.runUntilIdle();
    });
    sim.dispose();
    return Promise.resolve(rate);
  };
}

function fuzz(t: Tree): Run {
  const options = { seed: 1, runs: 200, minPeers: 3, maxPeers: 3, maxConnections: 1, maxSends: 5, log: false };
  return () =>
    Promise.resolve(
      cpuRate(200, () => {
        const r = t.fuzzNotifierDetails(() => ({ socket_message: (c: Client, m: string) => void (c.is_open && c.send(m)) }), options);
        if (!r.ok) throw new Error("ab: the echo notifier failed its fuzz run");
      }),
    );
}

/** 40 scenarios of the bench's Lua fuzz row: the line-server fixture, a fresh simulation and Lua VM per scenario. */
function luaFuzz(t: Tree): Run {
  const dir = resolve(t.root, "fixtures/tools/line-server");
  const start = async (ctx: { sim: Sim }): Promise<{ dispose(): void }> => {
    const tool = await t.loadLuaTool(ctx.sim, { dir });
    return { dispose: () => tool.unload() };
  };
  const options = { seed: 1, runs: 40, port: 7000, protocols: ["tcp"], payload: t.payloads.lines(), minPeers: 3, maxPeers: 3, maxConnections: 1, maxSends: 5, log: false };
  return async () => {
    const t0 = process.cpuUsage();
    const r = await t.fuzzToolDetails(start, options);
    const c = process.cpuUsage(t0);
    if (!r.ok) throw new Error("ab: the line-server failed its Lua fuzz run");
    return 40 / ((c.user + c.system) / 1e6);
  };
}

/** 10,000 messages from a phone into a Lua tool's socket_message (`body` runs there). */
function luaMessages(t: Tree, setup: string, body: string, trace: boolean, udp = false, distinct = false): Run {
  const protocol = udp ? ", renoise.Socket.PROTOCOL_UDP" : "";
  const source = `${setup}\ncount = 0\nlocal server = assert(renoise.Socket.create_server(7000${protocol}))\nserver:run({ socket_message = function(socket, message) ${body}; count = count + 1 end })`;
  return async () => {
    const sim = t.createSimulation();
    const tool = await t.loadLuaTool(sim, { files: { "main.lua": source } });
    // 2: renoise.Socket.PROTOCOL_UDP.
    const [client] = sim.addHost("phone").Socket.create_client(sim.host.address, 7000, udp ? 2 : 1);
    sim.runUntilIdle();
    sim.trace.enabled = trace;
    const data = "0123456789abcdef0123456789abcdef";
    // (distinct: 10,000 different 32-byte messages, made before the clock starts)
    const many = distinct ? Array.from({ length: 10_000 }, (_, i) => (data + String(i)).slice(-32)) : undefined;
    const rate = cpuRate(10_000, () => {
      for (let i = 0; i < 10_000; i++) client!.send(many ? many[i]! : data);
      sim.runUntilIdle();
    });
    if (tool.vm.run("return count")[0] !== 10_000) throw new Error("ab: the Lua tool missed messages");
    tool.unload();
    sim.dispose();
    return rate;
  };
}

/** Runs of `measure` on a Lua tool running `source` in a fresh simulation (trace off, `song` its song). */
function inLuaTool(t: Tree, source: string, measure: (tool: Tool) => number, song?: object): Run {
  return async () => {
    const sim = t.createSimulation(song ? { song } : undefined);
    sim.trace.enabled = false;
    const tool = await t.loadLuaTool(sim, { files: { "main.lua": source } });
    const rate = measure(tool);
    tool.unload();
    sim.dispose();
    return rate;
  };
}

function noteWrites(t: Tree): Run {
  const source = `local track = renoise.song():pattern(1):track(1)
local columns = {}
for l = 1, 64 do columns[l] = track:line(l):note_column(1) end
function write(n) for i = 1, n do columns[i % 64 + 1].note_value = i % 120 end end`;
  return inLuaTool(t, source, (tool) => {
    tool.vm.call("write", 10_000);
    return cpuRate(200_000, () => void tool.vm.call("write", 200_000));
  });
}

/** The bench's plain Lua loop (lua-probe.ts) with the default instruction limit: what Lua code alone costs. */
function luaLoop(t: Tree): Run {
  const source = "function plain(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end";
  return inLuaTool(t, source, (tool) => {
    tool.vm.call("plain", 100_000);
    return cpuRate(1_000_000, () => void tool.vm.call("plain", 1_000_000));
  });
}

/**
 * `iterator` (a pattern_iterator method call) walked from Lua over the patterns bench's 64-track × 512-line
 * pattern, again and again in one tool: steps (`expected` a walk) per CPU second.
 */
function iteratorWalk(t: Tree, iterator: string, expected: number): Run {
  const source = `function walk() local n = 0 for pos, x in renoise.song().pattern_iterator:${iterator} do n = n + 1 end return n end`;
  const walk = (tool: Tool): number =>
    cpuRate(expected, () => {
      if (tool.vm.call("walk")[0] !== expected) throw new Error(`ab: the walk ${iterator} missed steps`);
    });
  return inLuaTool(t, source, walk, { tracks: 63, patterns: [512] });
}

/**
 * The front-end bench's first load (lua-frontend.ts): the 5,000-line tool (the same text for both
 * trees, made here) compiled and run in a fresh 5.1 VM with the translation cache emptied; loads per CPU second.
 */
function firstLoad(t: Tree, arg: boolean): Run {
  const source = syntheticTool(5000, arg);
  return async () => {
    const vm = await t.createLuaVm({ luaVersion: "5.1", instructionLimit: 0 });
    t.clearFrontEndCache();
    const rate = cpuRate(1, () => void vm.run(source, "@main.lua"));
    vm.close();
    return rate;
  };
}

/** The 5.1 front end alone on the tool using arg (as it translates a file on a first load): translations per CPU second. */
function translateArg(t: Tree): Run {
  const source = syntheticTool(5000, true);
  return () => {
    t.clearFrontEndCache();
    return Promise.resolve(
      cpuRate(1, () => {
        if (!t.translate51(source, true, false).ok) throw new Error("ab: the front end refused the synthetic tool");
      }),
    );
  };
}

/** A 5,000-line tool (the front-end bench's, using arg) loaded again and again, each time in a fresh simulation and VM: loads per CPU second. */
function toolReload(t: Tree): Run {
  const files = { "main.lua": syntheticTool(5000, true) };
  return async () => {
    const sim = t.createSimulation();
    const t0 = process.cpuUsage();
    const tool = await t.loadLuaTool(sim, { files });
    const c = process.cpuUsage(t0);
    tool.unload();
    sim.dispose();
    return 1 / ((c.user + c.system) / 1e6);
  };
}

const KEPT = "local p = renoise.song():track(1).devices[1].parameters[1]\nlocal lo, span = p.value_min, p.value_max - p.value_min";

const LOOKUP_SETUP = "local song = renoise.song()";
const LOOKUP = "local p = song.tracks[1].devices[1].parameters[1]; p.value = p.value_min + (count % 100) / 100 * (p.value_max - p.value_min)";

// An OSC remote control's handler (as the song bench's OSC row), on a packet made at load.
const OSC_SETUP = `local song = renoise.song()
local packet = renoise.Osc.Message("/track/device/parameter", { { tag = "i", value = 1 }, { tag = "i", value = 1 }, { tag = "i", value = 1 }, { tag = "f", value = 0.5 } }).binary_data`;
const OSC =
  "local m = renoise.Osc.from_binary_data(packet); local a = m.arguments; local p = song.tracks[a[1].value].devices[a[2].value].parameters[a[3].value]; p.value = p.value_min + a[4].value * (p.value_max - p.value_min)";

const WORKLOADS: Record<string, (t: Tree) => Run> = {
  echo: (t) => echo(t, true),
  "echo-off": (t) => echo(t, false),
  churn,
  fuzz,
  "lua-fuzz": luaFuzz,
  "lua-message": (t) => luaMessages(t, "", "local n = #message", true),
  "lua-message-socket": (t) => luaMessages(t, "", "local n = #message; local s = socket", true),
  "lua-udp-message": (t) => luaMessages(t, "", "local n = #message", true, true),
  "lua-message-distinct": (t) => luaMessages(t, "", "local n = #message", true, false, true),
  "param-kept": (t) => luaMessages(t, KEPT, "p.value = lo + (count % 100) / 100 * span", false),
  "param-lookup": (t) => luaMessages(t, LOOKUP_SETUP, LOOKUP, false),
  osc: (t) => luaMessages(t, OSC_SETUP, OSC, false),
  "note-writes": noteWrites,
  "lua-loop": luaLoop,
  "pattern-walk": (t) => iteratorWalk(t, "lines_in_pattern(1)", 64 * 512),
  "column-walk": (t) => iteratorWalk(t, "note_columns_in_pattern(1, true)", 63 * 512),
  "first-load-arg": (t) => firstLoad(t, true),
  "first-load-concat": (t) => firstLoad(t, false),
  "translate-arg": translateArg,
  "tool-reload": toolReload,
};

async function importTree(root: string): Promise<Tree> {
  const at = (p: string): string => pathToFileURL(resolve(root, p)).href;
  const [index, tool, prop, lua, frontEnd] = (await Promise.all([
    import(at("src/index.js")),
    import(at("src/tool/index.js")),
    import(at("src/prop/index.js")),
    import(at("src/lua/index.js")),
    import(at("src/lua/frontend/index.js")),
  ])) as [Partial<Tree>, Partial<Tree>, Partial<Tree>, Partial<Tree>, Partial<Tree>];
  return { ...frontEnd, ...lua, ...prop, ...tool, ...index, root } as Tree;
}

/** Median and mean of the best five, after the first quarter (warm-up) is dropped. */
function summary(xs: number[]): { best: number; median: number } {
  const kept = xs.slice(Math.min(4, xs.length >> 2)).sort((a, b) => b - a);
  const top = kept.slice(0, 5);
  return { best: top.reduce((s, x) => s + x, 0) / top.length, median: kept[kept.length >> 1]! };
}

function fmt(v: number): string {
  return v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0);
}

/** Runs `workload` on trees `a` and `b`, importing `a` first unless `bFirst`; prints B against A. */
async function compare(a: string, b: string, workload: string, reps: number, bFirst: boolean): Promise<void> {
  const make = WORKLOADS[workload];
  if (!make) throw new Error(`ab: unknown workload "${workload}"; one of ${Object.keys(WORKLOADS).join(", ")}`);
  const first = make(await importTree(bFirst ? b : a));
  const second = make(await importTree(bFirst ? a : b));
  const runA = bFirst ? second : first;
  const runB = bFirst ? first : second;
  const ra: number[] = [];
  const rb: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      ra.push(await runA());
      rb.push(await runB());
    } else {
      rb.push(await runB());
      ra.push(await runA());
    }
  }
  const sa = summary(ra);
  const sb = summary(rb);
  console.log(
    `${workload} (${bFirst ? "B" : "A"} imported first): A ${a} best5 ${fmt(sa.best)} median ${fmt(sa.median)} | ` +
      `B ${b} best5 ${fmt(sb.best)} median ${fmt(sb.median)} | B/A best ×${(sb.best / sa.best).toFixed(2)} median ×${(sb.median / sa.median).toFixed(2)} per CPU s`,
  );
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const reps = Number(flag("--reps") ?? 16);
const order = flag("--order");
const [treeA, treeB, workload] = args;
if (!treeA || !treeB || !workload) {
  console.error(`usage: node --import ./bench/ts-loader.mjs bench/ab.ts <treeA> <treeB> <workload> [--reps N]\nworkloads: ${Object.keys(WORKLOADS).join(", ")}`);
  process.exit(2);
}
if (order === "ab" || order === "ba") await compare(treeA, treeB, workload, reps, order === "ba");
else {
  // Each order in its own process: the tree imported second is slower whichever it is.
  const self = fileURLToPath(import.meta.url);
  for (const o of ["ab", "ba"]) {
    const r = spawnSync(process.execPath, [...process.execArgv, self, treeA, treeB, workload, "--reps", String(reps), "--order", o], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
