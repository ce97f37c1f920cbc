/**
 * Two checkouts' whole `socket_message` deliveries (32 B into a Lua counter,
 * trace on), alternated in one process: 200 pairs of 5,000 deliveries, the
 * tree run first in a pair alternating, after 20 warm-up runs each. Prints
 * each tree's median ns a delivery and the median of the per-pair ratios
 * B/A, which a slow minute of the machine moves less than two separate
 * runs (both halves of a pair run in the same second). Run it twice, with
 * the trees in both orders: the tree imported first may run faster.
 *
 *   node --import ./bench/ts-loader.mjs bench/delivery-pairs.ts ../before ../after [--socket] [--distinct] [--trace-off]
 *
 * With `--socket` the Lua handler names its socket (a fresh wrapper each message). With `--distinct` each of a
 * run's N messages differs (32 binary bytes, as the bench row "a different message each time"; the same N
 * strings in every run), where by default one string is sent over and over. With `--trace-off` the trace
 * records nothing.
 */
import type * as Sim from "../src/index.js";
import { distinctPayloads } from "./payloads.js";

const trees = process.argv.slice(2, 4);
if (trees.length !== 2 || trees.some((t) => t.startsWith("--"))) {
  throw new Error("usage: node --import ./bench/ts-loader.mjs bench/delivery-pairs.ts <treeA> <treeB> [--socket] [--distinct] [--trace-off]");
}
// --socket: the handler names its socket (so it gets Renoise's fresh wrapper each time; see param-use.ts).
const BODY = process.argv.includes("--socket") ? "count = count + 1; local s = socket" : "count = count + 1";
const SOURCE = `count = 0\nlocal server = assert(renoise.Socket.create_server(7000))\nserver:run({ socket_message = function(socket, message) ${BODY} end })`;
const N = 5000;
const DATA = "0123456789abcdef0123456789abcdef";
const MESSAGES = process.argv.includes("--distinct") ? distinctPayloads(32, N) : undefined;
const TRACE = !process.argv.includes("--trace-off");
const PAIRS = 200;

interface World {
  sim: Sim.Simulation;
  tool: Awaited<ReturnType<typeof Sim.loadLuaTool>>;
  send(i: number): void;
}

const worlds: World[] = [];
for (const tree of trees) {
  const m = (await import(`${tree}/src/index.js`)) as typeof Sim;
  const sim = m.createSimulation();
  const tool = await m.loadLuaTool(sim, { files: { "main.lua": SOURCE } });
  const [client, err] = sim.addHost("phone").Socket.create_client(sim.host.address, 7000);
  if (!client) throw new Error(`delivery-pairs: connect failed: ${err}`);
  sim.runUntilIdle();
  sim.trace.enabled = TRACE;
  worlds.push({ sim, tool, send: MESSAGES ? (i) => client.send(MESSAGES[i]!) : () => client.send(DATA) });
}

/** ns a delivery over N deliveries in `w`. */
function once(w: World): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) w.send(i);
  w.sim.runUntilIdle();
  return Number(process.hrtime.bigint() - t0) / N;
}

for (let i = 0; i < 20; i++) for (const w of worlds) once(w);
const a: number[] = [];
const b: number[] = [];
const ratios: number[] = [];
for (let r = 0; r < PAIRS; r++) {
  const first = r % 2;
  const x = once(worlds[first]!);
  const y = once(worlds[1 - first]!);
  const [ta, tb] = first === 0 ? [x, y] : [y, x];
  a.push(ta);
  b.push(tb);
  ratios.push(tb / ta);
}
for (const w of worlds) {
  const [count] = w.tool.vm.run("return count") as [number];
  if (count !== (20 + PAIRS) * N) throw new Error(`delivery-pairs: Lua counted ${count} messages`);
  w.tool.unload();
  w.sim.dispose();
}
const median = (v: number[]): number => [...v].sort((p, q) => p - q)[v.length >> 1]!;
console.log(
  `A ${trees[0]!} ${median(a).toFixed(0)} ns, B ${trees[1]!} ${median(b).toFixed(0)} ns a delivery; B/A per pair, median ×${median(ratios).toFixed(3)}`,
);
