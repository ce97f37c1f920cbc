import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { GuiBlockReport, Simulation } from "../sim/simulation.js";
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

/** One block as "300 ms in SocketClient:receive at main.lua:2". */
function describeBlock(b: NonNullable<GuiBlockReport["longest"]>): string {
  return `${b.ms} ms in ${b.call}${b.where !== undefined ? ` at ${b.where}` : ""}`;
}

/** The GUI-freeze line of a run: total and longest virtual ms the tool blocked Renoise's GUI thread. */
export function guiFreezeLine(r: GuiBlockReport): string {
  if (r.count === 0 || !r.longest) return "GUI freeze: the tool never blocked the GUI thread";
  const calls = r.count === 1 ? "1 blocking call" : `${r.count} blocking calls`;
  return `GUI freeze: ${r.total} ms in total over ${calls}; longest ${describeBlock(r.longest)} (at ${r.longest.at} ms)`;
}

/** Collects the GUI-freeze reports of many runs (a fuzz campaign) into one line. */
export class GuiFreezeTally {
  private longest: GuiBlockReport["longest"];
  private mostTotal = 0;
  private runs = 0;

  add(r: GuiBlockReport): void {
    this.runs++;
    this.mostTotal = Math.max(this.mostTotal, r.total);
    if (r.longest && (!this.longest || r.longest.ms > this.longest.ms)) this.longest = { ...r.longest };
  }

  line(): string {
    if (!this.longest) return `GUI freeze: the tool never blocked the GUI thread in ${this.runs} runs`;
    return `GUI freeze: longest single block ${describeBlock(this.longest)}; at most ${this.mostTotal} ms blocked in one run (${this.runs} runs)`;
  }
}
