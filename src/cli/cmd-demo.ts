import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs, strFlag } from "./args.js";
import { readScenario } from "./load.js";
import { playWithTool, report } from "./cmd-run.js";
import { emitRun } from "./output.js";
import type { Term } from "./term.js";

export const DEMO_HELP = `renoise-sim demo [--diagram <file>] [--trace <file>]

Runs the bundled line-protocol Lua tool under a short scenario: two TCP peers
and a UDP peer, 8 ms of latency, and one request split across two TCP
segments. Prints the trace and writes a Mermaid diagram
(default renoise-sim-demo.md).
`;

/** The package's fixtures folder, from the source tree or the built dist/. */
function fixtures(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = resolve(dir, "fixtures/demo");
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
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
    diagram: strFlag(args, "diagram") ?? "renoise-sim-demo.md",
    title: "renoise-sim demo",
  });
  return report(term, played);
}
