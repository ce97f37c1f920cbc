import fc from "fast-check";
import { SimulationUsageError } from "../../core/errors.js";
import type { Notifier, SocketServer } from "../../renoise/socket/types.js";
import type { FuzzScenarioOptions } from "../arbitraries/scenario.js";
import type { Invariant } from "../invariants/types.js";
import { addRunFields, runScenario, type RunScenarioOptions, type FuzzScenarioRun, type ToolContext } from "../run/run-scenario.js";
import type { FuzzScenario } from "../scenario.js";
import { checkFuzzOptions, describeError, fuzzArbitrary, judgeBuiltins, type FuzzFault, type Outcome } from "./common.js";
import type { FuzzFailure } from "./failure.js";
import { buildFailure } from "./report.js";
import { checkedEvents, releaseChecked } from "../run/checked-events.js";
import { minimizeScenario } from "./minimize.js";
import { watchNotifier, type RaisedCallback } from "./watch-notifier.js";
import { campaignCoverage, CoverageTally, describeCoverage, type FuzzCoverage, type PeersOn } from "./coverage.js";

/** What `makeNotifier` gets: the simulation, the tool host's API and the server the notifier will serve. */
export interface FuzzContext extends ToolContext {
  /** The server, created on `port` with the scenario's protocol; `run(notifier)` is called for you. */
  readonly server: SocketServer;
}

/** One run, as user invariants see it. */
export interface FuzzRun<N extends Notifier = Notifier> extends Omit<FuzzScenarioRun<unknown>, "tool"> {
  /** The notifier `makeNotifier` returned (its own state is yours to check). */
  readonly notifier: N;
  readonly server: SocketServer;
}

/** A user invariant: throw (for example with `expect`) or return false when the run is wrong. */
export type FuzzInvariant<N extends Notifier> = (run: FuzzRun<N>) => void | boolean;

/** Kinds of adversity fuzzNotifier may inject: TCP stream cuts (R21) and the faults of {@link PlannedFault}. */
export type { FuzzFault } from "./common.js";

/** Options of {@link fuzzNotifier}. */
export interface FuzzOptions<N extends Notifier = Notifier> extends Omit<FuzzScenarioOptions, "splits" | "merges" | "faults"> {
  /** Scenarios to try. Default 100. */
  runs?: number;
  /** fast-check seed. Default: fast-check's global setting, else a fresh one; always printed. */
  seed?: number;
  /** With `seed`: replay exactly this counterexample path (printed in a failure report). */
  path?: string;
  /** Faults to inject. Default ["split", "merge"] (TCP stream cuts, R21); add e.g. "reset", "partition", "udp", "server-error". */
  faults?: readonly FuzzFault[];
  /** Virtual ms each scenario lasts. Default 10,000. */
  timeBudget?: number;
  /** Your checks over each run: the trace, what peers received, the notifier's own state. */
  invariants?: readonly FuzzInvariant<N>[];
  /** Also check the built-in invariants of the double (default true), or only these. */
  builtins?: boolean | readonly Invariant[];
  /**
   * Let peers also call their closed sockets to check that the double raises
   * (R10, R13, R14). These checks are about the double, not your notifier,
   * so they are off by default here (on in `runScenario`).
   */
  probes?: boolean;
  /** Events one scenario may take before it counts as runaway (a tool flooding itself). Default 200,000. */
  maxEvents?: number;
  /** Port of the server. Default 8000. */
  port?: number;
  /** One-way latency between hosts (virtual ms). Default 1. */
  latency?: number;
  /** Modelled choices of the double, e.g. `{ connectionWrappers: "stable" }`. */
  semantics?: RunScenarioOptions<unknown>["semantics"];
  /** Where the peers run: their own hosts (default) or the tool's host over loopback (see {@link PeersOn}). */
  peersOn?: PeersOn;
  /**
   * Fail a campaign in which no scenario delivered a byte to a notifier
   * callback (it tested nothing) with a {@link FuzzNothingDeliveredError}. Default true.
   */
  requireDelivery?: boolean;
  /** Where the seed line goes. Default `console.log`; `false` prints nothing. */
  log?: ((line: string) => void) | false;
}

/** What {@link fuzzNotifierDetails} returns. */
export type FuzzDetails = (
  | { readonly ok: true; readonly seed: number; readonly runs: number; readonly failure?: undefined }
  | { readonly ok: false; readonly seed: number; readonly runs: number; readonly failure: FuzzFailure }
) & {
  /** What the campaign reached (scenarios up to the first failure). */
  readonly coverage: FuzzCoverage;
  /** A low-coverage warning, if any (also logged). */
  readonly warnings: readonly string[];
};

/** Runs one scenario against a fresh notifier and returns the run plus why it failed, if it did. */
export function runNotifierScenario<N extends Notifier>(
  makeNotifier: (ctx: FuzzContext) => N,
  scenario: FuzzScenario,
  options: FuzzOptions<N> = {},
): { run: FuzzRun<N>; failure: Outcome | undefined } {
  const raised: RaisedCallback[] = [];
  const result = runScenario(scenario, {
    port: options.port,
    latency: options.latency,
    peersOn: options.peersOn,
    semantics: options.semantics,
    timeBudget: options.timeBudget,
    maxEvents: options.maxEvents,
    probes: options.probes ?? false,
    onAbort: "record",
    start: (ctx) => {
      const [server, err] = ctx.Socket.create_server(ctx.port, ctx.protocol === "tcp" ? 1 : 2);
      if (!server) throw new SimulationUsageError(`fuzzNotifier: could not create the server on port ${ctx.port}: ${err}`);
      // ToolContext's fields and the server (written out: a spread of ctx cost more than the rest of start()).
      const notifier = makeNotifier({ sim: ctx.sim, Socket: ctx.Socket, protocol: ctx.protocol, port: ctx.port, server });
      server.run(watchNotifier(notifier, () => ctx.sim.now, raised));
      return { notifier, server };
    },
  });
  // Copied field by field (a spread would read `song`, which builds the simulation's song); `events` and `song` stay
  // getters, in their place among the keys.
  const { tool, sim } = result;
  const fields: Record<string, unknown> = { scenario: result.scenario, sim };
  addRunFields(fields, result.calls, result.received, result.peers, result.callbackErrors, result.faulted, result.aborted);
  fields.notifier = tool.notifier;
  fields.server = tool.server;
  const run = fields as unknown as FuzzRun<N>;
  return { run, failure: judge(run, raised, options) };
}

function judge<N extends Notifier>(run: FuzzRun<N>, raised: RaisedCallback[], options: FuzzOptions<N>): Outcome | undefined {
  const first = raised[0];
  if (first) {
    return {
      reason: `notifier.${first.callback} raised at ${first.t}ms: ${describeError(first.error)}`,
      cause: first.error,
    };
  }
  const builtin = judgeBuiltins(run, options.builtins);
  if (builtin) return builtin;
  for (const inv of options.invariants ?? []) {
    try {
      if (inv(run) === false) {
        const name = inv.name || "anonymous";
        return { reason: `invariant ${name} returned false`, cause: new Error(`invariant ${name} returned false`) };
      }
    } catch (e) {
      return { reason: `invariant ${inv.name || "anonymous"} failed: ${describeError(e)}`, cause: e };
    }
  }
  return undefined;
}

/**
 * Like {@link fuzzNotifier}, but returns the outcome instead of throwing:
 * `{ ok, seed, runs, failure? }`.
 */
export function fuzzNotifierDetails<N extends Notifier>(
  makeNotifier: (ctx: FuzzContext) => N,
  options: FuzzOptions<N> = {},
): FuzzDetails {
  if (typeof makeNotifier !== "function") {
    throw new SimulationUsageError("fuzzNotifier: makeNotifier must be a function that returns a fresh notifier");
  }
  checkFuzzOptions("fuzzNotifier", options);
  const arb = fuzzArbitrary(options);
  const tally = new CoverageTally();
  let toolHost = { name: "renoise", address: "192.168.1.10" };
  const property = fc.property(arb, (scenario) => {
    const { run, failure } = runNotifierScenario(makeNotifier, scenario, options);
    toolHost = { name: run.sim.host.name, address: run.sim.host.address };
    tally.add({ events: checkedEvents(run.sim), calls: run.calls }, toolHost.name);
    releaseChecked();
    if (failure) {
      tally.freeze();
      throw failure.cause instanceof Error ? failure.cause : new Error(failure.reason);
    }
  });
  const details = fc.check(property, {
    numRuns: options.runs ?? 100,
    verbose: 1,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  releaseChecked();
  const log = options.log === undefined ? (line: string) => console.log(line) : options.log;
  const { coverage, warnings } = campaignCoverage("fuzzNotifier", tally, !details.failed, options, toolHost);
  if (!details.failed) {
    if (log) {
      log(`fuzzNotifier: ${details.numRuns} scenarios passed (seed ${details.seed}); ${describeCoverage(coverage)}`);
      for (const w of warnings) log(w);
    }
    return { ok: true, seed: details.seed, runs: details.numRuns, coverage, warnings };
  }
  if (details.counterexample === null) {
    throw new SimulationUsageError(`fuzzNotifier: fast-check stopped without a counterexample (seed ${details.seed})`);
  }
  const original = details.failures[0]?.[0] ?? details.counterexample[0];
  const { scenario: minimal, removed } = minimizeScenario(details.counterexample[0], (c) => {
    try {
      return runNotifierScenario(makeNotifier, c, options).failure !== undefined;
    } catch {
      return true;
    }
  });
  let events: FuzzRun<N>["events"] = [];
  let outcome: Outcome = { reason: describeError(details.errorInstance), cause: details.errorInstance };
  try {
    const again = runNotifierScenario(makeNotifier, minimal, options);
    events = again.run.events;
    if (again.failure) outcome = again.failure;
  } catch {
    // makeNotifier (or the tool's start) itself raised: report fast-check's error, without a trace.
  }
  const err = buildFailure({
    seed: details.seed,
    path: details.counterexamplePath,
    runs: details.numRuns,
    numShrinks: details.numShrinks + removed,
    scenario: minimal,
    originalScenario: original,
    reason: outcome.reason,
    cause: outcome.cause,
    events,
  });
  if (log) log(`fuzzNotifier: FAILED after ${details.numRuns} scenarios (seed ${details.seed}, path "${details.counterexamplePath}")`);
  return { ok: false, seed: details.seed, runs: details.numRuns, failure: err, coverage, warnings };
}

/**
 * Fuzzes a notifier: generates scenarios of peers connecting, sending
 * (cut and merged TCP streams), waiting and closing; runs each against a
 * fresh notifier from `makeNotifier`; fails when a callback raises, a
 * built-in invariant breaks, or one of `options.invariants` throws or
 * returns false. Throws a {@link FuzzFailure} whose message is the report:
 * the minimal scenario, the seed and path that replay it, the trace and a
 * Mermaid diagram. Prints the seed (see `options.log`).
 */
export function fuzzNotifier<N extends Notifier>(makeNotifier: (ctx: FuzzContext) => N, options: FuzzOptions<N> = {}): void {
  const d = fuzzNotifierDetails(makeNotifier, options);
  if (!d.ok) throw d.failure;
}

/**
 * Runs one scenario (for example one copied from a failure report) against
 * a fresh notifier; throws a {@link FuzzFailure} if it fails.
 */
export function replayScenario<N extends Notifier>(
  makeNotifier: (ctx: FuzzContext) => N,
  scenario: FuzzScenario,
  options: FuzzOptions<N> = {},
): FuzzRun<N> {
  const { run, failure } = runNotifierScenario(makeNotifier, scenario, options);
  if (failure) {
    throw buildFailure({
      seed: undefined,
      path: undefined,
      runs: 1,
      numShrinks: 0,
      scenario,
      originalScenario: scenario,
      reason: failure.reason,
      cause: failure.cause,
      events: run.events,
    });
  }
  return run;
}
