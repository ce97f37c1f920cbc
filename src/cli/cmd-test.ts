import { existsSync } from "node:fs";
import { runSpecs } from "../spec-runner/runner.js";
import { terminalReporter } from "../spec-runner/reporters/terminal.js";
import { tapReporter } from "../spec-runner/reporters/tap.js";
import { junitXml } from "../spec-runner/reporters/junit.js";
import type { ReportOutput } from "../spec-runner/reporters/output.js";
import { SpecUsageError, type SpecListener } from "../spec-runner/types.js";
import { intFlag, parseArgs, strFlag, UsageError } from "./args.js";
import { writeOut } from "./output.js";
import type { Term } from "./term.js";

export const TEST_HELP = `renoise-sim test [spec files or folders] [options]

Runs Lua tests against the simulation: busted-style specs (*_spec.lua:
describe, it, before_each, assert.are.equal, spy, stub, and the sim global)
and plain Renoise-style scripts (top-level code, assert, print). A folder
runs every *_spec.lua under it; with no arguments, ./spec. Each it runs in
a fresh simulation and Lua state with the same seed. A host httpbin.org
answers HTTP on port 80. Guide: docs/lua-testing.md.

Options:
  --seed <n>            seed of every test's simulation (default 1)
  --latency <ms>        one-way latency between hosts (default 5)
  --filter <pattern>    run only tests whose full name matches this Lua pattern
  --shard <i>/<n>       run shard i of n (every n-th test, counted over all files)
  --reporter <r>        terminal (default), tap or junit
  --output <file>       write the tap/junit report to a file (the terminal report still prints)
  --tool <dir>          the tool folder specs run in (default: found from each spec's location)
  --diagrams <dir>      where failure diagrams are written (default renoise-sim-failures)
  --help                this text

Exit codes: 0 all passed, 1 a test failed, 2 usage error or a file that cannot be loaded.
`;

function parseShard(s: string | undefined): { index: number; count: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`test: --shard must be i/n with 1 <= i <= n, got ${s}`);
  return { index, count };
}

export async function cmdTest(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(argv, ["seed", "latency", "filter", "shard", "reporter", "output", "tool", "diagrams"], ["help"], "test");
  if (args.flags.has("help")) {
    term.out(TEST_HELP);
    return 0;
  }
  const reporter = strFlag(args, "reporter") ?? "terminal";
  if (reporter !== "terminal" && reporter !== "tap" && reporter !== "junit") {
    throw new UsageError(`test: --reporter must be terminal, tap or junit, got ${reporter}`);
  }
  const output = strFlag(args, "output");
  if (output !== undefined && reporter === "terminal") throw new UsageError("test: --output needs --reporter tap or junit");
  let paths = args.positional;
  if (paths.length === 0) {
    if (!existsSync("spec")) throw new UsageError("test: no spec files given and no ./spec folder (see renoise-sim test --help)");
    paths = ["spec"];
  }
  const stdout: ReportOutput = { write: (s) => term.out(s), tty: term.tty, color: term.color };
  const listeners: SpecListener[] = [];
  let tapBuffer = "";
  if (reporter === "terminal" || output !== undefined) listeners.push(terminalReporter(stdout));
  if (reporter === "tap") {
    listeners.push(tapReporter(output !== undefined ? { write: (s) => void (tapBuffer += s), tty: false, color: false } : stdout));
  }
  const listener: SpecListener = {
    onStart: (i) => listeners.forEach((l) => l.onStart?.(i)),
    onFile: (f, i) => listeners.forEach((l) => l.onFile?.(f, i)),
    onTest: (r) => listeners.forEach((l) => l.onTest?.(r)),
    onLoadError: (e) => listeners.forEach((l) => l.onLoadError?.(e)),
    onEnd: (s) => listeners.forEach((l) => l.onEnd?.(s)),
  };
  try {
    const summary = await runSpecs(
      paths,
      {
        seed: intFlag(args, "seed", "test", 1),
        latency: intFlag(args, "latency", "test", 5, { min: 0 }),
        ...(strFlag(args, "filter") !== undefined ? { filter: strFlag(args, "filter") } : {}),
        ...(args.flags.has("shard") ? { shard: parseShard(strFlag(args, "shard")) } : {}),
        ...(strFlag(args, "tool") !== undefined ? { toolDir: strFlag(args, "tool") } : {}),
        ...(strFlag(args, "diagrams") !== undefined ? { diagramDir: strFlag(args, "diagrams") } : {}),
      },
      listener,
    );
    if (reporter === "junit") {
      const xml = junitXml(summary, process.cwd());
      if (output !== undefined) {
        writeOut(output, xml);
        term.err(term.dim(`JUnit report written to ${output}\n`));
      } else term.out(xml);
    } else if (reporter === "tap" && output !== undefined) {
      writeOut(output, tapBuffer);
      term.err(term.dim(`TAP report written to ${output}\n`));
    }
    return summary.exitCode;
  } catch (e) {
    if (e instanceof SpecUsageError) throw new UsageError(e.message);
    throw e;
  }
}
