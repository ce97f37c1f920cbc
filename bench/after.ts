/**
 * What one benchmark leaves behind for the next, in one process: runs a
 * benchmark of `tree` (or nothing), then a workload of the same tree, and
 * prints the workload's rate with the young- and old-generation collections
 * it took (node's `gc` performance entries).
 *
 *   node --expose-gc --import ./bench/ts-loader.mjs bench/after.ts <tree> <before> <workload> [reps]
 *
 * `before`: alone (nothing), scale, song, lua-callbacks, patterns, tcp-echo,
 * churn, lua-frontend or property (that benchmark's whole run). `workload`:
 * fuzz (200 fuzzNotifier scenarios, the property row's), lua-fuzz (40
 * scenarios of the Lua line server) or lua-message (10,000 `socket_message`
 * deliveries into a Lua counter). Found with it (see docs/performance.md,
 * nineteenth round): V8's allocation-site pretenuring, taught by one
 * benchmark, kept every later simulation alive through young-generation
 * collections and halved the next benchmark's rate.
 */
import { PerformanceObserver, constants } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [treeArg, before = "alone", workload = "fuzz", repsArg = "10"] = process.argv.slice(2);
if (!treeArg) {
  console.error("usage: bench/after.ts <tree> <before> <workload> [reps]");
  process.exit(2);
}
const tree = resolve(treeArg);
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve(tree, path)).href)) as T;

interface BenchModule {
  run(): Promise<unknown>;
}
const BENCHMARKS: Record<string, [file: string, name: string]> = {
  scale: ["bench/scale.ts", "scale"],
  song: ["bench/song.ts", "song"],
  "lua-callbacks": ["bench/lua-callbacks.ts", "luaCallbacks"],
  patterns: ["bench/patterns.ts", "patterns"],
  "tcp-echo": ["bench/tcp-echo.ts", "tcpEcho"],
  churn: ["bench/churn.ts", "churn"],
  "lua-frontend": ["bench/lua-frontend.ts", "luaFrontend"],
  property: ["bench/property.ts", "property"],
};

interface Client {
  send(data: string): unknown;
  is_open: boolean;
}
type FuzzDetails = (make: () => object, options: object) => { ok: boolean };
type FuzzTool = (start: (ctx: { sim: unknown }) => Promise<{ dispose(): void }>, options: object) => Promise<{ ok: boolean }>;
type LoadTool = (sim: unknown, options: object) => Promise<{ unload(): void }>;

const { fuzzNotifierDetails } = await load<{ fuzzNotifierDetails: FuzzDetails }>("src/prop/index.ts");
const { fuzzToolDetails } = await load<{ fuzzToolDetails: FuzzTool }>("src/prop/fuzz/fuzz-tool.ts");
const { payloads } = await load<{ payloads: { lines(): unknown } }>("src/prop/arbitraries/payloads.ts");
const { createSimulation } = await load<{ createSimulation: () => Sim }>("src/index.ts");
const { loadLuaTool } = await load<{ loadLuaTool: LoadTool }>("src/tool/index.ts");
interface Sim {
  host: { address: string };
  addHost(name: string): { Socket: { create_client(a: string, p: number): [Client | undefined, string | undefined] } };
  runUntilIdle(): number;
  dispose(): void;
}

const LINE_SERVER = resolve(tree, "fixtures/tools/line-server");
const COUNTER = "count = 0\nlocal server = assert(renoise.Socket.create_server(7000))\nserver:run({ socket_message = function(socket, message) count = count + 1 end })";

/** Each workload returns its rate (scenarios or deliveries per second of wall time). */
const WORKLOADS: Record<string, () => Promise<number>> = {
  fuzz() {
    const t0 = performance.now();
    const r = fuzzNotifierDetails(() => ({ socket_message: (c: Client, m: string) => void (c.is_open && c.send(m)) }), {
      seed: 1,
      runs: 200,
      minPeers: 3,
      maxPeers: 3,
      maxConnections: 1,
      maxSends: 5,
      log: false,
    });
    if (!r.ok) throw new Error("after: the echo notifier failed");
    return Promise.resolve((200 / (performance.now() - t0)) * 1000);
  },
  async "lua-fuzz"() {
    const t0 = performance.now();
    const r = await fuzzToolDetails(
      async (ctx) => {
        const tool = await loadLuaTool(ctx.sim, { dir: LINE_SERVER });
        return { dispose: () => tool.unload() };
      },
      { seed: 1, runs: 40, port: 7000, protocols: ["tcp"], payload: payloads.lines(), minPeers: 3, maxPeers: 3, maxConnections: 1, maxSends: 5 },
    );
    if (!r.ok) throw new Error("after: the line server failed");
    return (40 / (performance.now() - t0)) * 1000;
  },
  async "lua-message"() {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": COUNTER } });
    const [client] = sim.addHost("phone").Socket.create_client(sim.host.address, 7000);
    sim.runUntilIdle();
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) client!.send("0123456789abcdef0123456789abcdef");
    sim.runUntilIdle();
    const rate = (10_000 / (performance.now() - t0)) * 1000;
    tool.unload();
    sim.dispose();
    return rate;
  },
};

const work = WORKLOADS[workload];
if (!work || (before !== "alone" && !BENCHMARKS[before])) {
  console.error(`after: before is alone or one of ${Object.keys(BENCHMARKS).join(", ")}; workload one of ${Object.keys(WORKLOADS).join(", ")}`);
  process.exit(2);
}

let minor = 0;
let minorCount = 0;
let major = 0;
let majorCount = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      minor += e.duration;
      minorCount++;
    } else {
      major += e.duration;
      majorCount++;
    }
  }
}).observe({ entryTypes: ["gc"] });
// GC entries arrive on a later turn of the event loop: let each phase's arrive before counting the next.
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

if (before !== "alone") {
  const [file, name] = BENCHMARKS[before]!;
  await (await load<Record<string, BenchModule>>(file))[name]!.run();
}
await settle();
for (let i = 0; i < 3; i++) await work();
await settle();
minor = minorCount = major = majorCount = 0;
const rates: number[] = [];
for (let i = 0; i < Number(repsArg); i++) rates.push(await work());
await settle();
rates.sort((a, b) => a - b);
const f = (n: number): string => n.toFixed(0);
console.log(
  `${workload} after ${before} (${tree}): min ${f(rates[0]!)} median ${f(rates[rates.length >> 1]!)} /s | ` +
    `young-generation collections ${f(minor)} ms in ${minorCount} (${(minor / Math.max(1, minorCount)).toFixed(2)} ms each), ` +
    `full ${f(major)} ms in ${majorCount}`,
);
