import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderHtml } from "../renoise/views/render-html.js";
import { renderText } from "../renoise/views/render-text.js";
import { CallbackError } from "../core/errors.js";
import type { Simulation } from "../sim/simulation.js";
import { installScenario, scenarioSimulation, scheduleInvocations, type ExpectationFailure } from "../scenario/play.js";
import type { LuaTool } from "../tool/index.js";
import type { Scenario } from "../scenario/types.js";
import { intFlag, parseArgs, strFlag, UsageError } from "./args.js";
import { loadTarget, readScenario } from "./load.js";
import { startOscServer } from "../tool/osc-server.js";
import { parseOscServerFlag } from "./osc-server-flag.js";
import { emitRun, guiFreezeLine } from "./output.js";
import type { Term } from "./term.js";

export const RUN_HELP = `renoise-sim run <tool folder | script.lua> [options]

Loads a Renoise tool into a simulated network, plays a scenario against it
and prints the trace of everything that happened, in virtual time.

Options:
  --scenario <file>   scenario JSON (peers, hosts, faults); see docs/scenarios.md
  --seed <n>          seed (overrides the scenario's)
  --until <ms>        run until this virtual time (default: until the network is quiet)
  --trace <file>      also write the trace as JSON Lines
  --diagram <file>    also write a Mermaid sequence diagram (Markdown)
  --max-gui-block <ms>  fail if one blocking call (receive, create_client, server:wait)
                      freezes Renoise's GUI thread longer than this
  --payload-bytes <n> print payloads longer than n bytes as their first and last
                      bytes around the count left out (default 64)
  --dialogs <dir>     write the tool's open dialogs as HTML files there (and print them as text)
  --osc-server <p[:port]>  enable Renoise's built-in OSC server: udp or tcp, port 8000 unless given
                      (scenario files: "oscServer")
  --quiet             do not print the trace
  --help              this text

Exit codes: 0 ok, 1 an expectation failed or the tool raised an error, 2 usage or input error.
`;

/** Outcome of one played run. */
export interface Played {
  sim: Simulation;
  /** The loaded tool (undefined if it failed to load). */
  tool?: LuaTool;
  failures: ExpectationFailure[];
  errors: string[];
}

/** Loads `target`, plays `scenario`, and collects failures instead of throwing. */
export async function playWithTool(target: string, scenario: Scenario, seed: number | undefined, until: number | undefined, guiBlockBudget?: number): Promise<Played> {
  const sim = scenarioSimulation(scenario, seed);
  sim.guiBlockBudget = guiBlockBudget;
  const errors: string[] = [];
  const failures: ExpectationFailure[] = [];
  let tool: LuaTool | undefined;
  if (scenario.oscServer) {
    try {
      await startOscServer(sim, scenario.oscServer);
    } catch (e) {
      throw new UsageError(`run: ${(e as Error).message}`);
    }
  }
  try {
    tool = await loadTarget(sim, target, "run", scenario.preferences ? { preferences: scenario.preferences } : {});
  } catch (e) {
    if (e instanceof UsageError) throw e;
    errors.push(`the tool failed to load: ${(e as Error).message}`);
    return { sim, failures, errors };
  }
  installScenario(sim, scenario, failures);
  scheduleInvocations(sim, scenario, tool, (m) => errors.push(m));
  const end = until ?? scenario.until;
  for (let guard = 0; guard < 10_000; guard++) {
    try {
      if (end !== undefined) sim.advance(Math.max(0, end - sim.now));
      else sim.runUntilIdle();
      break;
    } catch (e) {
      if (e instanceof CallbackError) {
        errors.push(e.message);
        continue; // the server keeps running: go on with the rest of the scenario
      }
      errors.push((e as Error).message);
      break;
    }
  }
  return { sim, tool, failures, errors };
}

/** Writes each open dialog of the tool as `<dir>/<n>-<title>.html` and prints it as text. */
function writeDialogs(term: Term, tool: LuaTool | undefined, dir: string): void {
  const dialogs = tool?.loaded ? tool.dialogs : [];
  mkdirSync(dir, { recursive: true });
  dialogs.forEach((d, i) => {
    const slug = d.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "dialog";
    const file = join(dir, `${i + 1}-${slug}.html`);
    writeFileSync(file, renderHtml(d));
    term.err(`${renderText(d)}\n  -> ${file}\n`);
  });
  if (dialogs.length === 0) term.err("no dialog is open\n");
}

/** Reports expectation failures and errors; returns the exit code. */
export function report(term: Term, played: Played): number {
  for (const f of played.failures) {
    term.err(term.red(`✗ peer ${f.peer}, step ${f.step}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}\n`));
  }
  for (const e of played.errors) term.err(term.red(`✗ ${e}\n`));
  term.err(`${guiFreezeLine(played.sim.guiBlocks())}\n`);
  if (played.failures.length === 0 && played.errors.length === 0) {
    term.err(term.green(`✓ finished at ${played.sim.now} ms of virtual time, ${played.sim.events.length} trace events, seed ${played.sim.seed}\n`));
    return 0;
  }
  return 1;
}

export async function cmdRun(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(
    argv,
    ["scenario", "seed", "until", "trace", "diagram", "max-gui-block", "payload-bytes", "dialogs", "osc-server"],
    ["help", "quiet"],
    "run",
  );
  if (args.flags.has("help")) {
    term.out(RUN_HELP);
    return 0;
  }
  const target = args.positional[0];
  if (!target || args.positional.length > 1) throw new UsageError("run: expected one tool folder or .lua script (see renoise-sim run --help)");
  const file = strFlag(args, "scenario");
  const read: Scenario = file ? readScenario(file, "run").scenario : {};
  const osc = strFlag(args, "osc-server");
  const scenario: Scenario = osc !== undefined ? { ...read, oscServer: parseOscServerFlag(osc, "run") } : read;
  const played = await playWithTool(resolve(target), scenario, intFlag(args, "seed", "run"), intFlag(args, "until", "run", undefined, { min: 0 }), intFlag(args, "max-gui-block", "run", undefined, { min: 0 }));
  emitRun(term, played.sim, {
    trace: strFlag(args, "trace"),
    diagram: strFlag(args, "diagram"),
    title: `renoise-sim run ${target}`,
    quiet: args.flags.has("quiet"),
    payloadBytes: intFlag(args, "payload-bytes", "run", undefined, { min: 0 }),
  });
  const dialogs = strFlag(args, "dialogs");
  if (dialogs) writeDialogs(term, played.tool, resolve(dialogs));
  return report(term, played);
}
