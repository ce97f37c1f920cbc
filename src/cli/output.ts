import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Simulation } from "../sim/simulation.js";
import { renderMermaid } from "../trace/mermaid.js";
import { toJsonl } from "../trace/jsonl.js";
import type { Term } from "./term.js";

/** Writes `text` to `path`, creating folders. */
export function writeOut(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Writes a diagram where `--diagram` says or, when it says nothing, into a
 * new folder under the system's temporary folder (never the current folder);
 * returns the path written, for the report to print.
 */
export function writeDiagram(asked: string | undefined, name: string, text: string): string {
  const path = asked ?? join(mkdtempSync(join(tmpdir(), "renoise-sim-")), name);
  writeOut(path, text);
  return path;
}

/** The Mermaid diagram of a run, as a Markdown page. */
export function diagramPage(sim: Simulation, title: string): string {
  return `# ${title}\n\nSeed ${sim.seed}, ${sim.now} ms of virtual time.\n\n\`\`\`mermaid\n${renderMermaid(sim.events)}\n\`\`\`\n`;
}

/** Prints the trace and writes the optional JSONL trace and diagram files. */
export function emitRun(term: Term, sim: Simulation, opts: { trace?: string; diagram?: string; title: string; quiet?: boolean }): void {
  if (!opts.quiet) term.out(sim.formatTrace() + "\n");
  if (opts.trace) {
    writeOut(opts.trace, toJsonl(sim.events));
    term.err(term.dim(`trace written to ${opts.trace}\n`));
  }
  if (opts.diagram) {
    writeOut(opts.diagram, diagramPage(sim, opts.title));
    term.err(term.dim(`diagram written to ${opts.diagram}\n`));
  }
}
