/**
 * `npm run bench [-- --only name[,name...]] [-- --markdown]`: runs the
 * benchmarks of issue #7 and prints, for each, the median of several
 * repetitions with min–max and the ratio to its reference measured in this
 * same process. Not part of `npm test`.
 *
 * Under tsx (how `npm run bench` starts) it re-runs itself as
 * `node --expose-gc --import ./bench/ts-loader.mjs bench/run.ts ...`: the
 * scale benchmark weighs the heap after full collections, and tsx's
 * keepNames transform adds a cost per closure that users never pay (see
 * ts-loader.mjs).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Benchmark, Row, Unavailable } from "./report.js";

const NAMES = ["dispatch", "tcp-echo", "churn", "virtual-time", "scale", "property", "lua-callbacks", "lua-frontend", "song", "patterns"] as const;

async function load(): Promise<Benchmark[]> {
  const [d, e, c, v, s, p, l, f, g, pt] = await Promise.all([
    import("./dispatch.js"),
    import("./tcp-echo.js"),
    import("./churn.js"),
    import("./virtual-time.js"),
    import("./scale.js"),
    import("./property.js"),
    import("./lua-callbacks.js"),
    import("./lua-frontend.js"),
    import("./song.js"),
    import("./patterns.js"),
  ]);
  return [d.dispatch, e.tcpEcho, c.churn, v.virtualTime, s.scale, p.property, l.luaCallbacks, f.luaFrontend, g.song, pt.patterns];
}

interface Args {
  only: string[] | undefined;
  markdown: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const only: string[] = [];
  let markdown = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--only") only.push(...(argv[++i] ?? "").split(","));
    else if (a.startsWith("--only=")) only.push(...a.slice("--only=".length).split(","));
    else if (a === "--markdown") markdown = true;
    else throw new Error(`bench: unknown argument "${a}"; use --only ${NAMES.join(",")} and/or --markdown`);
  }
  const unknown = only.filter((n) => !(NAMES as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`bench: unknown benchmark "${unknown.join(", ")}"; choose from ${NAMES.join(", ")}`);
  return { only: only.length ? only : undefined, markdown };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { machine } = await import("./machine.js");
  const { printRows, markdownRows, repetitionLines } = await import("./report.js");
  const out = (line: string): void => void process.stdout.write(line + "\n");
  const benches = (await load()).filter((b) => !args.only || args.only.includes(b.name));
  out(`renoise-sim benchmarks — ${machine()}`);
  out("figures: median [min–max] of the repetitions; ratios are taken per repetition against a reference run in this process");
  const all: { title: string; rows: (Row | Unavailable)[] }[] = [];
  const start = performance.now();
  for (const b of benches) {
    const t0 = performance.now();
    out(`\n${b.title} (--only ${b.name})`);
    const rows = await b.run();
    printRows(rows, out);
    out(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    all.push({ title: b.title, rows });
  }
  out(`\ntotal ${((performance.now() - start) / 1000).toFixed(1)} s`);
  if (args.markdown) {
    out("\n| benchmark | figure | median [min–max] | reference | ratio | goal |");
    out("|---|---|---|---|---|---|");
    for (const { title, rows } of all) for (const line of markdownRows(title, rows)) out(line);
  }
  const missed = all.flatMap(({ rows }) => rows.filter((r): r is Row => "goal" in r && typeof r.goal === "object" && !r.goal.met));
  if (missed.length) out(`\ngoals missed: ${missed.map((r) => r.label).join("; ")}`);
  for (const r of missed) for (const line of repetitionLines(r)) out(line);
  return 0;
}

if ((globalThis as { __benchTsLoader?: boolean }).__benchTsLoader) {
  process.exitCode = await main();
} else {
  const loader = new URL("./ts-loader.mjs", import.meta.url).href;
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", loader, self, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exitCode = r.status ?? 1;
}
