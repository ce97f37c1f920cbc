import type { SpecListener, SpecTestResult } from "../types.js";
import { indent, paint, type ReportOutput } from "./output.js";

const MARK = { success: "✓", failure: "✗", error: "✗", pending: "-" } as const;

/** Quotes an argument for a shell command line when it needs it. */
function shellArg(s: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** Escapes Lua pattern magic so `--filter` matches the name literally. */
function literalPattern(s: string): string {
  return s.replace(/[%^$().[\]*+\-?]/g, "%$&");
}

/**
 * Readable output: each file, then each test as it finishes (✓ ✗ -) with a
 * running count on a terminal; then every failure with its message, spec
 * line, the end of the trace, the diagram file and the command that reruns
 * it; then the totals and the seed.
 */
export function terminalReporter(out: ReportOutput): SpecListener {
  const c = paint(out);
  const failed: SpecTestResult[] = [];
  let done = 0;
  let lastFile = "";
  return {
    onStart(info) {
      const shard = info.shard ? `, shard ${info.shard.index}/${info.shard.count}` : "";
      out.write(c.dim(`renoise-sim test: ${info.files.length} file${info.files.length === 1 ? "" : "s"}, seed ${info.seed}${shard}\n`));
    },
    onTest(r) {
      done++;
      if (r.file !== lastFile) {
        lastFile = r.file;
        out.write(`${c.bold(r.file)}\n`);
      }
      for (const line of r.output ?? []) out.write(c.dim(`    | ${line}\n`));
      const count = out.tty ? c.dim(`[${done}] `) : "";
      const name = r.fullName === r.file ? "(script)" : r.fullName;
      if (r.status === "success") out.write(`  ${count}${c.green(MARK.success)} ${name}\n`);
      else if (r.status === "pending") out.write(`  ${count}${c.yellow(MARK.pending)} ${name} ${c.dim("(pending)")}\n`);
      else {
        failed.push(r);
        out.write(`  ${count}${c.red(MARK[r.status])} ${name}\n`);
      }
    },
    onLoadError(e) {
      out.write(c.red(`✗ cannot load ${e.message}\n`));
    },
    onEnd(s) {
      if (failed.length) out.write(`\n${c.bold("Failures:")}\n`);
      failed.forEach((r, i) => {
        const kind = r.status === "error" ? "error" : "failure";
        out.write(`\n${i + 1}) ${r.fullName} ${c.dim(`(${kind})`)}\n`);
        if (r.location) out.write(`   ${r.location}\n`);
        out.write(`${indent(c.red(r.message ?? "(no message)"), 3)}\n`);
        if (r.traceTail) out.write(`   Trace (end, at ${r.virtualMs} ms of virtual time):\n${indent(c.dim(r.traceTail), 5)}\n`);
        if (r.diagram) out.write(`   Diagram written to ${r.diagram}\n`);
        const filter = r.fullName === r.file ? "" : ` --filter ${shellArg("^" + literalPattern(r.fullName) + "$")}`;
        out.write(`   Rerun: renoise-sim test ${shellArg(r.file)} --seed ${r.seed}${filter}\n`);
      });
      const { success, failure, error, pending } = s.counts;
      const total = success + failure + error + pending;
      const parts = [`${success} passed`, `${failure} failed`, `${error} errors`, `${pending} pending`];
      if (s.loadErrors.length) parts.push(`${s.loadErrors.length} files not loaded`);
      const line = `${total} test${total === 1 ? "" : "s"}: ${parts.join(", ")} (seed ${s.seed})\n`;
      out.write("\n" + (s.exitCode === 0 ? c.green(line) : c.red(line)));
    },
  };
}
