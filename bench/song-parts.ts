/**
 * Each part of a per-message parameter look-up (`song.tracks`, `song:track(1)`,
 * `device.parameters`, `p.value = x`...) timed alone in a Lua loop, one VM,
 * trace off, in plain-loop iterations (see lua-probe.ts): per part the median
 * of 9 rounds, each round the part timed between two plain-loop timings.
 * Not a bench row: a probe for comparing trees in alternating processes.
 *
 * Usage: `node --import ./bench/ts-loader.mjs bench/song-parts.ts [tree]`
 * (tree: the checkout whose src/ to load, default this one; ONLY="a|b" runs
 * only the parts named).
 */
import { fileURLToPath } from "node:url";
import type * as Sim from "../src/index.js";

const tree = process.argv[2] ?? fileURLToPath(new URL("..", import.meta.url));
const { createSimulation, loadLuaTool } = (await import(`${tree}/src/index.js`)) as typeof Sim;
const TOOL = `
song = renoise.song()
local t1 = song.tracks[1]
local d1 = t1.devices[1]
local p1 = d1.parameters[1]
local pat1 = song:pattern(1)
function run(name, n) return parts[name](n) end
function plain(n) local x = 0 for i = 1, n do x = x + i % 7 end return x end
parts = {
  ["song.tracks"] = function(n) local s = song for i = 1, n do local v = s.tracks end end,
  ["song:track(1)"] = function(n) local s = song for i = 1, n do local v = s:track(1) end end,
  ["song:track(i%9+1)"] = function(n) local s = song for i = 1, n do local v = s:track(i % 9 + 1) end end,
  ["track.devices"] = function(n) local t = t1 for i = 1, n do local v = t.devices end end,
  ["track:device(1)"] = function(n) local t = t1 for i = 1, n do local v = t:device(1) end end,
  ["device.parameters"] = function(n) local d = d1 for i = 1, n do local v = d.parameters end end,
  ["device:parameter(1)"] = function(n) local d = d1 for i = 1, n do local v = d:parameter(1) end end,
  ["song.patterns"] = function(n) local s = song for i = 1, n do local v = s.patterns end end,
  ["song:pattern(1)"] = function(n) local s = song for i = 1, n do local v = s:pattern(1) end end,
  ["song.instruments"] = function(n) local s = song for i = 1, n do local v = s.instruments end end,
  ["song:instrument(1)"] = function(n) local s = song for i = 1, n do local v = s:instrument(1) end end,
  ["pattern:track(1)"] = function(n) local p = pat1 for i = 1, n do local v = p:track(1) end end,
  ["pattern.tracks"] = function(n) local p = pat1 for i = 1, n do local v = p.tracks end end,
  [":pattern(1):track(1):line(l):note_column(1).note_value = x"] = function(n) local s = song for i = 1, n do
    s:pattern(1):track(1):line(i % 64 + 1):note_column(1).note_value = i % 120 end end,
  ["p.value_min"] = function(n) local p = p1 for i = 1, n do local v = p.value_min end end,
  ["p.value = x"] = function(n) local p = p1 for i = 1, n do p.value = (i % 100) / 100 end end,
  ["tracks[1].devices[1].parameters[1] + set"] = function(n) local s = song for i = 1, n do
    local p = s.tracks[1].devices[1].parameters[1]; p.value = p.value_min + (i % 100) / 100 * (p.value_max - p.value_min) end end,
  [":track(1):device(1):parameter(1) + set"] = function(n) local s = song for i = 1, n do
    local p = s:track(1):device(1):parameter(1); p.value = p.value_min + (i % 100) / 100 * (p.value_max - p.value_min) end end,
}
`;
const names0 = ["song.tracks", "song:track(1)", "song:track(i%9+1)", "track.devices", "track:device(1)", "device.parameters", "device:parameter(1)", "song.patterns", "song:pattern(1)", "song.instruments", "song:instrument(1)", "pattern:track(1)", "pattern.tracks", ":pattern(1):track(1):line(l):note_column(1).note_value = x", "p.value_min", "p.value = x", "tracks[1].devices[1].parameters[1] + set", ":track(1):device(1):parameter(1) + set"];
const names = process.env.ONLY ? names0.filter((n) => process.env.ONLY!.split("|").includes(n)) : names0;
const sim = createSimulation();
const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
const time = (fn: () => void): number => { const t0 = performance.now(); fn(); return performance.now() - t0; };
const N = 30_000, L = 100_000;
const best = (f: () => number, k = 5) => Math.min(...Array.from({ length: k }, f));
for (const n of names) tool.vm.call("run", n, 20000);
const med = (a: number[]) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]!; };
const ratios: Record<string, number[]> = {};
for (let round = 0; round < 9; round++) {
  for (const n of names) {
    const loopNs = best(() => time(() => tool.vm.call("plain", L)) * 1e6 / L, 2);
    const ns = best(() => time(() => tool.vm.call("run", n, N)) * 1e6 / N, 2);
    const loopNs2 = best(() => time(() => tool.vm.call("plain", L)) * 1e6 / L, 2);
    (ratios[n] ??= []).push(ns / ((loopNs + loopNs2) / 2));
  }
}
const loopNow = med(Array.from({ length: 5 }, () => time(() => tool.vm.call("plain", L)) * 1e6 / L));
for (const n of names) console.log(`${n.padEnd(44)} median ${med(ratios[n]!).toFixed(1).padStart(6)}  min ${Math.min(...ratios[n]!).toFixed(1).padStart(6)}`);
console.log(`plain loop ${loopNow.toFixed(1)} ns/iteration`);
tool.unload();
sim.dispose();
