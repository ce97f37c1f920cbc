/**
 * `socket_message` deliveries into Lua of two checkouts, both imported into
 * this process and run in alternating rounds (each figure the better of two
 * runs of 10,000 messages; the median over 35 rounds after 5 unrecorded):
 * a different 32-byte binary message each time with the trace on and off,
 * and one string sent 10,000 times (the bench row's traffic). ns a delivery.
 *
 *   node --import ./bench/ts-loader.mjs bench/payload-pairs.ts ../before ../after
 *
 * (docs/performance.md, "Issue #19, twenty-first round")
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Index from "../src/index.js";
import type * as ToolIndex from "../src/tool/index.js";

interface Tree {
  root: string;
  index: typeof Index;
  tool: typeof ToolIndex;
}

const N = 10_000;
const ROUNDS = 40;
const UNRECORDED = 5;
const roots = process.argv.slice(2);
if (roots.length < 1) throw new Error("payload-pairs: name one or more checkouts");
const trees: Tree[] = await Promise.all(
  roots.map(async (root) => ({
    root,
    index: (await import(pathToFileURL(resolve(root, "src/index.js")).href)) as typeof Index,
    tool: (await import(pathToFileURL(resolve(root, "src/tool/index.js")).href)) as typeof ToolIndex,
  })),
);

/** Bytes 0, 1, 2, … as a byte string of `n` chars. */
function bytes(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(i & 0xff);
  return s;
}
const rest = bytes(32).slice(4);
const distinct = Array.from({ length: N }, (_, i) => String.fromCharCode(i & 0xff, (i >> 8) & 0xff, (i >> 16) & 0xff, 0) + rest);
const same = bytes(32);
const TOOL = `count = 0
local server = assert(renoise.Socket.create_server(7000))
server:run({ socket_message = function(socket, message) count = count + 1 end })`;

/** ns a delivery of N messages into a fresh tool. */
async function once(t: Tree, different: boolean, trace: boolean): Promise<number> {
  const sim = t.index.createSimulation();
  const tool = await t.tool.loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const [client] = sim.addHost("phone").Socket.create_client(sim.host.address, 7000);
  sim.runUntilIdle();
  sim.trace.enabled = trace;
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) client!.send(different ? distinct[i]! : same);
  sim.runUntilIdle();
  const ns = Number(process.hrtime.bigint() - start) / N;
  if (tool.vm.run("return count")[0] !== N) throw new Error("payload-pairs: the tool missed messages");
  tool.unload();
  sim.dispose();
  return ns;
}

const CASES = [
  ["different messages, trace on", true, true],
  ["one string, trace on", false, true],
  ["different messages, trace off", true, false],
] as const;
const samples = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const t of round % 2 === 0 ? trees : [...trees].reverse()) {
    for (const [label, different, trace] of CASES) {
      const v = Math.min(await once(t, different, trace), await once(t, different, trace));
      const key = `${t.root}: ${label}`;
      if (round >= UNRECORDED) samples.set(key, [...(samples.get(key) ?? []), v]);
    }
  }
}
for (const [key, v] of samples) {
  v.sort((a, b) => a - b);
  console.log(`${key.padEnd(60)} ${v[v.length >> 1]!.toFixed(0)} ns a delivery`);
}
