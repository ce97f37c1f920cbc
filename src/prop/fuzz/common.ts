import type fc from "fast-check";
import { SimulationUsageError } from "../../core/errors.js";
import type { TraceEvent } from "../../core/trace.js";
import { FAULT_KINDS } from "../arbitraries/fault-plan.js";
import { scenarioArbitrary, type FuzzScenarioOptions } from "../arbitraries/scenario.js";
import type { Simulation } from "../../sim/simulation.js";
import { builtinInvariants, checkInvariants } from "../invariants/index.js";
import { checkedEventsFor, readsCheckedKinds } from "../run/checked-events.js";
import type { Invariant, ObservedRun, Violation } from "../invariants/types.js";
import type { FuzzScenario, PlannedFaultKind } from "../scenario.js";

/** Kinds of adversity the fuzzers may inject: stream cuts, or a planned fault. */
export type FuzzFault = "split" | "merge" | PlannedFaultKind;

/** Why one scenario failed. */
export interface Outcome {
  reason: string;
  cause: unknown;
}

/** "Name: message" for errors, the value as text otherwise. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return typeof e === "string" ? e : JSON.stringify(e);
}

/** Smallest and largest fuzz seeds: fast-check uses a seed's low 32 bits, so only these are distinct. */
export const MIN_SEED = -(2 ** 31);
export const MAX_SEED = 2 ** 31 - 1;

/** True for a seed fast-check uses as it is (a signed 32-bit integer). */
export function isFuzzSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= MIN_SEED && seed <= MAX_SEED;
}

/** Checks the options both fuzzers share; messages start with `call`. */
export function checkFuzzOptions(call: string, o: { runs?: number; seed?: number; path?: string; faults?: readonly FuzzFault[] }): void {
  const runs = o.runs ?? 100;
  if (!Number.isInteger(runs) || runs < 1) throw new SimulationUsageError(`${call}: runs must be an integer >= 1, got ${String(o.runs)}`);
  if (o.seed !== undefined && !isFuzzSeed(o.seed)) {
    throw new SimulationUsageError(
      `${call}: seed must be a whole number from ${MIN_SEED} to ${MAX_SEED} (fast-check keeps 32 bits; a larger seed would replay another's campaign), got ${String(o.seed)}`,
    );
  }
  if (o.path !== undefined && o.seed === undefined) {
    throw new SimulationUsageError(`${call}: path replays a failure only together with its seed; pass both from the report`);
  }
  for (const f of o.faults ?? []) {
    if (f !== "split" && f !== "merge" && !FAULT_KINDS.includes(f)) {
      throw new SimulationUsageError(`${call}: unknown fault "${String(f)}"; use "split", "merge" or one of ${FAULT_KINDS.join(", ")}`);
    }
  }
}

/**
 * The run as an invariant sees it, with `events` in place of its trace; the
 * song is still read only when asked for. A class: an object literal with a
 * getter costs several times more to make, and one is made per invariant and run.
 */
class WithEvents implements ObservedRun {
  readonly calls: ObservedRun["calls"];
  readonly faulted: boolean | undefined;
  readonly settled: boolean | undefined;
  constructor(
    private readonly run: ObservedRun,
    readonly events: readonly TraceEvent[],
  ) {
    this.calls = run.calls;
    this.faulted = run.faulted;
    this.settled = run.settled;
  }
  get song(): ObservedRun["song"] {
    return this.run.song;
  }
}

/** The scenario generator for a fuzz run: cuts and planned faults from `faults` (default split and merge). */
export function fuzzArbitrary(
  options: Omit<FuzzScenarioOptions, "splits" | "merges" | "faults"> & { faults?: readonly FuzzFault[] },
): fc.Arbitrary<FuzzScenario> {
  const faults = options.faults ?? ["split", "merge"];
  return scenarioArbitrary({
    ...options,
    splits: faults.includes("split"),
    merges: faults.includes("merge"),
    faults: faults.filter((f): f is PlannedFaultKind => f !== "split" && f !== "merge"),
  });
}

/**
 * The verdict every fuzz run shares: a run that aborted, or a broken
 * built-in invariant. With the run's simulation, invariants that declare
 * the event kinds they read get only those events ({@link checkedEvents}).
 */
export function judgeBuiltins(
  run: ObservedRun & { readonly aborted?: unknown; readonly sim?: Simulation },
  builtins: boolean | readonly Invariant[] = true,
): Outcome | undefined {
  if (run.aborted !== undefined) {
    return { reason: `the run aborted: ${describeError(run.aborted)}`, cause: run.aborted };
  }
  if (builtins === false) return undefined;
  const list = builtins === true ? builtinInvariants : builtins;
  const sim = run.sim;
  let violations: Violation[];
  if (sim && (list === builtinInvariants || readsCheckedKinds(list))) {
    // Each invariant gets the events of its own kinds (what checkInvariants would report, in its order).
    violations = [];
    for (const inv of list) {
      for (const message of inv.check(new WithEvents(run, checkedEventsFor(sim, inv)))) {
        violations.push({ invariant: inv.name, rule: inv.rule, message });
      }
    }
  } else violations = checkInvariants(run, list);
  if (violations.length === 0) return undefined;
  const text = violations.map((v) => `${v.invariant} (${v.rule}): ${v.message}`).join("\n");
  return { reason: `built-in invariant broken:\n${text}`, cause: new Error(text) };
}
