import { resolve } from "node:path";
import { CallbackError } from "../core/errors.js";
import type { Simulation } from "../sim/simulation.js";
import { installScenario, scenarioSimulation, scheduleInvocations, type ExpectationFailure } from "../scenario/play.js";
import type { LuaTool } from "../tool/index.js";
import type { Scenario } from "../scenario/types.js";
import { intFlag, parseArgs, strFlag, UsageError } from "./args.js";
import { loadTarget, readScenario } from "./load.js";
import { emitRun } from "./output.js";
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
  --quiet             do not print the trace
  --help              this text

Exit codes: 0 ok, 1 an expectation failed or the tool raised an error, 2 usage or input error.
`;

/** Outcome of one played run. */
export interface Played {
  sim: Simulation;
  failures: ExpectationFailure[];
  errors: string[];
}

/** Loads `target`, plays `scenario`, and collects failures instead of throwing. */
export async function playWithTool(target: string, scenario: Scenario, seed: number | undefined, until: number | undefined): Promise<Played> {
  const sim = scenarioSimulation(scenario, seed);
  const errors: string[] = [];
  const failures: ExpectationFailure[] = [];
  let tool: LuaTool;
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
  return { sim, failures, errors };
}

/** Reports expectation failures and errors; returns the exit code. */
export function report(term: Term, played: Played): number {
  for (const f of played.failures) {
    term.err(term.red(`✗ peer ${f.peer}, step ${f.step}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}\n`));
  }
  for (const e of played.errors) term.err(term.red(`✗ ${e}\n`));
  if (played.failures.length === 0 && played.errors.length === 0) {
    term.err(term.green(`✓ finished at ${played.sim.now} ms of virtual time, ${played.sim.events.length} trace events, seed ${played.sim.seed}\n`));
    return 0;
  }
  return 1;
}

export async function cmdRun(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(argv, ["scenario", "seed", "until", "trace", "diagram"], ["help", "quiet"], "run");
  if (args.flags.has("help")) {
    term.out(RUN_HELP);
    return 0;
  }
  const target = args.positional[0];
  if (!target || args.positional.length > 1) throw new UsageError("run: expected one tool folder or .lua script (see renoise-sim run --help)");
  const file = strFlag(args, "scenario");
  const scenario: Scenario = file ? readScenario(file, "run").scenario : {};
  const played = await playWithTool(resolve(target), scenario, intFlag(args, "seed", "run"), intFlag(args, "until", "run", undefined, { min: 0 }));
  emitRun(term, played.sim, {
    trace: strFlag(args, "trace"),
    diagram: strFlag(args, "diagram"),
    title: `renoise-sim run ${target}`,
    quiet: args.flags.has("quiet"),
  });
  return report(term, played);
}
