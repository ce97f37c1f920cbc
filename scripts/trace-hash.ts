/**
 * A hash of the traces of seeded simulations: mixed TCP and UDP traffic
 * with binary payloads (empty to 6,000 bytes) into the byte-echo fixture
 * tool, under four payload limits (the default, 0, 7 and none), one with a
 * trace listener, and the events read both whole and by kind. Two trees
 * that record the same events print the same hash.
 *
 *   npx tsx scripts/trace-hash.ts [tree]      # tree: a checkout (default: this one)
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Index from "../src/index.js";
import type * as ToolIndex from "../src/tool/index.js";

const root = resolve(process.argv[2] ?? ".");
const at = (p: string): string => pathToFileURL(resolve(root, p)).href;
const { createSimulation } = (await import(at("src/index.js"))) as typeof Index;
const { loadLuaTool } = (await import(at("src/tool/index.js"))) as typeof ToolIndex;
const TOOL = readFileSync(resolve(root, "fixtures/tools/byte-echo/main.lua"), "latin1");

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function payload(r: () => number): string {
  const sizes = [0, 1, 5, 7, 8, 31, 32, 33, 200, 4095, 4096, 4097, 6000];
  const n = sizes[Math.floor(r() * sizes.length)]!;
  const kind = Math.floor(r() * 3);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(kind === 0 ? 32 + Math.floor(r() * 95) : kind === 1 ? Math.floor(r() * 256) : "ab\n\t\\\"".charCodeAt(i % 6));
  return s;
}

const hash = createHash("sha256");
let lines = 0;
function add(line: string): void {
  hash.update(line + "\n");
  lines++;
}
const limits = [undefined, 0, 7, Infinity];
for (let seed = 1; seed <= 20; seed++) {
  const r = rng(seed);
  const limit = limits[seed % limits.length];
  const sim = createSimulation({ seed, trace: limit === undefined ? {} : { payloadLimit: limit } });
  const heard: string[] = [];
  const stop = seed % 5 === 0 ? sim.trace.subscribe((e) => void heard.push(JSON.stringify(e))) : undefined;
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const phone = sim.addHost("phone");
  const [tcp] = phone.Socket.create_client(sim.host.address, 9000);
  const [udp] = phone.Socket.create_client(sim.host.address, 9001, phone.Socket.PROTOCOL_UDP);
  sim.runUntilIdle();
  for (let i = 0; i < 40; i++) {
    const p = r() < 0.1 ? "ALL?" : payload(r);
    const same = r() < 0.2;
    (r() < 0.6 ? tcp : udp)!.send(p);
    if (same) (r() < 0.5 ? tcp : udp)!.send(p);
    if (r() < 0.3) sim.runUntilIdle();
  }
  sim.runUntilIdle();
  if (seed % 3 === 0) {
    const kinds = new Set(["tcp.send", "udp.send", "callback"]);
    for (const e of sim.trace.eventsOf(kinds)) add(JSON.stringify(e));
  }
  for (const e of sim.trace.events) add(JSON.stringify(e));
  for (const h of heard) add(h);
  stop?.();
  tool.unload();
  sim.dispose();
}
console.log(`${hash.digest("hex").slice(0, 12)} (${lines} lines)`);
