import type { SpecListener } from "../types.js";
import type { ReportOutput } from "./output.js";

function yamlBlock(key: string, value: string): string {
  return `  ${key}: |-\n${value
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n")}\n`;
}

/** TAP version 13: one line per test (pending ones as `# SKIP`), YAML details for failures, the plan at the end. */
export function tapReporter(out: ReportOutput): SpecListener {
  let n = 0;
  return {
    onStart(info) {
      out.write(`TAP version 13\n# seed ${info.seed}${info.shard ? `, shard ${info.shard.index}/${info.shard.count}` : ""}\n`);
    },
    onTest(r) {
      n++;
      const name = `${r.file === r.fullName ? r.file : `${r.file} :: ${r.fullName}`}`.replace(/#/g, "\\#");
      if (r.status === "success") out.write(`ok ${n} - ${name}\n`);
      else if (r.status === "pending") out.write(`ok ${n} - ${name} # SKIP ${r.message ?? "pending"}\n`);
      else {
        out.write(`not ok ${n} - ${name}\n  ---\n`);
        out.write(`  severity: ${r.status === "error" ? "error" : "fail"}\n`);
        out.write(yamlBlock("message", r.message ?? ""));
        if (r.location) out.write(`  at: ${JSON.stringify(r.location)}\n`);
        out.write(`  seed: ${r.seed}\n  virtual_ms: ${r.virtualMs}\n`);
        if (r.diagram) out.write(`  diagram: ${JSON.stringify(r.diagram)}\n`);
        if (r.traceTail) out.write(yamlBlock("trace", r.traceTail));
        out.write("  ...\n");
      }
    },
    onLoadError(e) {
      n++;
      out.write(`not ok ${n} - ${e.file} (cannot load)\n  ---\n${yamlBlock("message", e.message)}  ...\n`);
    },
    onEnd() {
      out.write(`1..${n}\n`);
    },
  };
}
