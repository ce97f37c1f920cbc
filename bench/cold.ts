/**
 * What the first translations of a process cost, before V8 has optimised
 * the 5.1 front end: every `npm test` worker and every CLI run translates
 * its tool's files cold. `bench/ab.ts` cannot show it (both trees share one
 * warm process), so this starts a fresh process per sample, alternating the
 * two trees.
 *
 *   node --import ./bench/ts-loader.mjs bench/cold.ts <treeA> <treeB> [--procs N]
 *
 * Each process translates the front-end bench's 5,000-line tool using `arg`
 * (the same text for both trees, made here) 12 times in a row, emptying the
 * translation cache before each, and prints the wall time of each
 * translation. The report gives, per tree, the median over processes of
 * each of the 12 positions, and of their sum.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { syntheticTool } from "./lua-frontend.js";
import { median } from "./stats.js";

const TRANSLATIONS = 12;

/** The child: translates the tool TRANSLATIONS times in `tree` and prints the times (ms) as JSON. */
async function child(tree: string): Promise<void> {
  const fe = (await import(pathToFileURL(resolve(tree, "src/lua/frontend/index.ts")).href)) as {
    translate51(source: string, file: boolean, wrapConcat: boolean): { ok: boolean };
  };
  const lua = (await import(pathToFileURL(resolve(tree, "src/lua/index.ts")).href)) as { clearFrontEndCache(): void };
  const source = syntheticTool(5000, true);
  const times: number[] = [];
  for (let i = 0; i < TRANSLATIONS; i++) {
    lua.clearFrontEndCache();
    const t0 = performance.now();
    if (!fe.translate51(source, true, false).ok) throw new Error("cold: the front end refused the synthetic tool");
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify(times));
}

function parent(a: string, b: string, procs: number): void {
  const self = fileURLToPath(import.meta.url);
  const loader = resolve(fileURLToPath(new URL(".", import.meta.url)), "ts-loader.mjs");
  const runs = new Map<string, number[][]>([
    [a, []],
    [b, []],
  ]);
  for (let p = 0; p < procs; p++) {
    for (const tree of p % 2 === 0 ? [a, b] : [b, a]) {
      const r = spawnSync(process.execPath, ["--import", loader, self, "--child", tree], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`cold: the process for ${tree} failed:\n${r.stderr}`);
      runs.get(tree)!.push(JSON.parse(r.stdout.trim().split("\n").pop()!) as number[]);
    }
  }
  for (const [tree, samples] of runs) {
    const at = Array.from({ length: TRANSLATIONS }, (_, i) => median(samples.map((s) => s[i]!)).toFixed(1));
    const total = median(samples.map((s) => s.reduce((x, y) => x + y, 0))).toFixed(1);
    console.log(`${tree}: translations 1-${TRANSLATIONS} (ms, median of ${samples.length} processes) ${at.join(" ")} | all ${total} ms`);
  }
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  await child(args[1]!);
} else if (args.length >= 2) {
  const k = args.indexOf("--procs");
  parent(resolve(args[0]!), resolve(args[1]!), k >= 0 ? Number(args[k + 1]) : 8);
} else {
  console.error("usage: node --import ./bench/ts-loader.mjs bench/cold.ts <treeA> <treeB> [--procs N]");
  process.exitCode = 2;
}
