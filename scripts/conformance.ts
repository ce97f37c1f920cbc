/**
 * Runs Renoise's own test scripts (renoise/xrnx `tests/*.lua`, which are not
 * part of this repository) unmodified through `renoise-sim test` and prints
 * one row per script: passed or failed, with the first line of the failure.
 *
 *   npm run conformance -- /path/to/xrnx/tests [name ...]
 *
 * Exit code 0 when every script ran (whatever the outcome), 2 on usage errors.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const [dir, ...only] = process.argv.slice(2);
if (!dir || !existsSync(dir)) {
  process.stderr.write("usage: npm run conformance -- <folder with Renoise's tests/*.lua> [name ...]\n");
  process.exit(2);
}
const cli = resolve(import.meta.dirname, "../src/cli/main.ts");
const skip = new Set<string>();
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".lua") && !skip.has(f))
  .filter((f) => only.length === 0 || only.includes(f) || only.includes(f.replace(/\.lua$/, "")))
  .sort();
let passed = 0;
const rows: string[] = [];
for (const name of names) {
  const r = spawnSync(process.execPath, ["--import", "tsx", cli, "test", join(dir, name)], { encoding: "utf8", timeout: 300_000 });
  const ok = r.status === 0;
  if (ok) passed++;
  const lines = `${r.stdout}\n${r.stderr}`.split("\n").map((l) => l.trim());
  const why = ok ? "" : (lines.find((l) => /✗|error|fail|attempt|expected/i.test(l) && !/^renoise-sim test:/.test(l)) ?? `exit ${r.status}`).slice(0, 160);
  rows.push(`| ${name} | ${ok ? "pass" : "FAIL"} | ${why.replace(/\|/g, "\\|")} |`);
}
process.stdout.write(`| script | result | first line of the failure |\n|---|---|---|\n${rows.join("\n")}\n\n${passed} of ${names.length} pass\n`);
