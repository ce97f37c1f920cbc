import fc from "fast-check";
import { SimulationUsageError } from "../../core/errors.js";
import type { TraceEvent } from "../../core/trace.js";
import type { Simulation } from "../../sim/simulation.js";
import type { FuzzScenarioOptions } from "../arbitraries/scenario.js";
import type { Invariant } from "../invariants/types.js";
import { checkedEvents, releaseChecked } from "../run/checked-events.js";
import { playScenarioOn, scenarioSimulation, type FuzzScenarioRun, type RunScenarioOptions, type ToolContext } from "../run/run-scenario.js";
import type { FuzzScenario } from "../scenario.js";
import { checkFuzzOptions, fuzzArbitrary, judgeBuiltins, type FuzzFault } from "./common.js";
import type { FuzzFailure } from "./failure.js";
import { buildFailure } from "./report.js";
import { minimizeScenarioAsync } from "./minimize.js";
import { campaignCoverage, CoverageTally, type FuzzCoverage, type PeersOn } from "./coverage.js";

/** A tool that starts asynchronously (e.g. a Lua tool with a fresh VM) and can be stopped. */
export interface AsyncTool {
  /** Frees the tool after a run (e.g. closes its Lua VM). */
  dispose?(): void;
}

/** Options of {@link fuzzToolDetails}. */
export interface FuzzToolOptions extends Omit<FuzzScenarioOptions, "splits" | "merges" | "faults"> {
  runs?: number;
  seed?: number;
  path?: string;
  faults?: readonly FuzzFault[];
  timeBudget?: number;
  port?: number;
  latency?: number;
  semantics?: RunScenarioOptions<unknown>["semantics"];
  builtins?: boolean | readonly Invariant[];
  maxEvents?: number;
  /** Where the peers run: their own hosts (default) or the tool's host over loopback (see {@link PeersOn}). */
  peersOn?: PeersOn;
  /** Fail a campaign that delivered no byte to a notifier callback ({@link FuzzNothingDeliveredError}). Default true. */
  requireDelivery?: boolean;
  /** Called after every scenario with how many ran so far. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link fuzzToolDetails} returns. */
export type FuzzToolDetails = (
  | { readonly ok: true; readonly seed: number; readonly runs: number; readonly failure?: undefined }
  | {
      readonly ok: false;
      readonly seed: number;
      readonly runs: number;
      readonly failure: FuzzFailure;
      readonly path: string;
      /** The trace of the minimal scenario's run. */
      readonly events: readonly TraceEvent[];
    }
) & {
  /** What the campaign reached (scenarios up to the first failure). */
  readonly coverage: FuzzCoverage;
  /** A low-coverage warning, if any. */
  readonly warnings: readonly string[];
};

interface Judged<T> {
  run: FuzzScenarioRun<T>;
  reason: string | undefined;
  cause: unknown;
}

async function runOnce<T extends AsyncTool>(
  start: (ctx: ToolContext) => Promise<T>,
  scenario: FuzzScenario,
  options: FuzzToolOptions,
): Promise<Judged<T>> {
  const runOptions = {
    port: options.port,
    latency: options.latency,
    peersOn: options.peersOn,
    semantics: options.semantics,
    timeBudget: options.timeBudget,
    maxEvents: options.maxEvents,
    probes: false,
    onAbort: "record" as const,
  };
  const sim: Simulation = scenarioSimulation(scenario, runOptions);
  const tool = await start({ sim, Socket: sim.renoise.Socket, protocol: scenario.protocol, port: options.port ?? 8000 });
  let run: FuzzScenarioRun<T>;
  try {
    run = playScenarioOn(sim, scenario, runOptions, tool);
  } finally {
    tool.dispose?.();
  }
  const first = run.callbackErrors[0];
  if (first) return { run, reason: `notifier.${first.callback} raised: ${first.message}`, cause: new Error(first.message) };
  const builtin = judgeBuiltins(run, options.builtins);
  if (builtin) return { run, ...builtin };
  return { run, reason: undefined, cause: undefined };
}

/**
 * Fuzzes a tool that starts asynchronously — a Lua tool gets a fresh VM per
 * scenario — with the same scenarios, faults, invariants and shrinking as
 * `fuzzNotifier`. The tool must serve on `options.port` itself (a Lua tool
 * does so from its main.lua). A scenario fails when a notifier callback
 * raises, the run aborts, or a built-in invariant breaks.
 */
export async function fuzzToolDetails<T extends AsyncTool>(
  start: (ctx: ToolContext) => Promise<T>,
  options: FuzzToolOptions = {},
): Promise<FuzzToolDetails> {
  const runs = options.runs ?? 100;
  checkFuzzOptions("fuzzTool", options);
  const arb = fuzzArbitrary(options);
  let done = 0;
  const tally = new CoverageTally();
  let toolHost = { name: "renoise", address: "192.168.1.10" };
  const property = fc.asyncProperty(arb, async (scenario) => {
    const judged = await runOnce(start, scenario, options);
    toolHost = { name: judged.run.sim.host.name, address: judged.run.sim.host.address };
    tally.add({ events: checkedEvents(judged.run.sim), calls: judged.run.calls }, toolHost.name);
    releaseChecked();
    options.onProgress?.(++done, runs);
    if (judged.reason !== undefined) {
      tally.freeze();
      throw judged.cause instanceof Error ? judged.cause : new Error(judged.reason);
    }
  });
  const details = await fc.check(property, {
    numRuns: runs,
    verbose: 1,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  releaseChecked();
  const { coverage, warnings } = campaignCoverage("fuzzTool", tally, !details.failed, options, toolHost);
  if (!details.failed) {
    return { ok: true, seed: details.seed, runs: details.numRuns, coverage, warnings };
  }
  if (details.counterexample === null) {
    throw new SimulationUsageError(`fuzzTool: fast-check stopped without a counterexample (seed ${details.seed}): ${String(details.errorInstance)}`);
  }
  const original = details.failures[0]?.[0] ?? details.counterexample[0];
  const { scenario: minimal, removed } = await minimizeScenarioAsync(
    details.counterexample[0],
    async (c) => (await runOnce(start, c, options)).reason !== undefined,
  );
  const again = await runOnce(start, minimal, options);
  const failure = buildFailure({
    seed: details.seed,
    path: details.counterexamplePath,
    runs: details.numRuns,
    numShrinks: details.numShrinks + removed,
    scenario: minimal,
    originalScenario: original,
    reason: again.reason ?? String(details.errorInstance),
    cause: again.cause ?? details.errorInstance,
    events: again.run.events,
  });
  return {
    ok: false,
    seed: details.seed,
    runs: details.numRuns,
    failure,
    path: details.counterexamplePath ?? "",
    events: again.run.events,
    coverage,
    warnings,
  };
}
