import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { packageRoot } from "./package-root.js";
import { parseArgs, strFlag } from "./args.js";
import { readScenario } from "./load.js";
import { playWithTool, report } from "./cmd-run.js";
import { emitRun } from "./output.js";
import type { Term } from "./term.js";

export const DEMO_HELP = `renoise-sim demo [--diagram <file>] [--trace <file>]

Runs the bundled line-protocol Lua tool under a short scenario: two TCP peers
and a UDP peer, 8 ms of latency, and one request split across two TCP
segments. Prints the trace; writes nothing unless asked.

Options:
  --diagram <file>   also write a Mermaid sequence diagram (Markdown)
  --trace <file>     also write the trace as JSON Lines
  --help             this text
`;

/** The package's fixtures folder, from the source tree or the built dist/. */
function fixtures(): string {
  const candidate = resolve(packageRoot(), "fixtures/demo");
  if (existsSync(candidate)) return candidate;
  throw new Error("renoise-sim demo: the bundled fixtures/demo folder is missing from this installation");
}

export async function cmdDemo(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(argv, ["diagram", "trace"], ["help"], "demo");
  if (args.flags.has("help")) {
    term.out(DEMO_HELP);
    return 0;
  }
  const demo = fixtures();
  const { scenario } = readScenario(resolve(demo, "scenario.json"), "demo");
  term.out(term.bold("renoise-sim demo") + ` — ${scenario.description ?? ""}\n\n`);
  const played = await playWithTool(resolve(demo, "line-tool"), scenario, undefined, undefined);
  emitRun(term, played.sim, {
    trace: strFlag(args, "trace"),
    diagram: strFlag(args, "diagram"),
    title: "renoise-sim demo",
  });
  if (!args.flags.has("diagram")) term.err(term.dim("(add --diagram demo.md for a Mermaid sequence diagram of this run)\n"));
  return report(term, played);
}
