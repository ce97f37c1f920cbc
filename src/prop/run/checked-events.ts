import type { TraceEvent } from "../../core/trace.js";
import type { Simulation } from "../../sim/simulation.js";
import { COVERAGE_KINDS } from "../fuzz/coverage.js";
import { builtinInvariants } from "../invariants/index.js";
import type { Invariant } from "../invariants/types.js";

/**
 * The event kinds the fuzzers read of every run themselves: what the
 * built-in invariants declare (`Invariant.kinds`), what the coverage tally
 * counts, and the callback errors a run reports.
 */
export const CHECKED_KINDS: ReadonlySet<string> = new Set([
  ...builtinInvariants.flatMap((inv) => inv.kinds ?? []),
  ...COVERAGE_KINDS,
  "callback.error",
]);

/** The events of {@link CHECKED_KINDS} of a trace, with their kinds in a list of their own. */
interface Checked {
  /** The trace's event count when they were selected. */
  readonly count: number;
  readonly events: readonly TraceEvent[];
  readonly kinds: readonly string[];
}

/**
 * The last selection made and its simulation: a run's callback errors, its
 * checks and its coverage read one after the other. One entry, not a
 * WeakMap keyed by the simulation: with that WeakMap, V8's young-generation
 * collections kept many more simulations alive (copied, then promoted to
 * the old generation until a full collection; measured with
 * `node --trace-gc-nvp`). {@link releaseChecked} drops it after each scenario.
 */
let lastSim: Simulation | undefined;
let last: Checked | undefined;

function checked(sim: Simulation): Checked {
  const trace = sim.trace;
  if (lastSim === sim && last !== undefined && last.count === trace.count) return last;
  const events = trace.eventsOf(CHECKED_KINDS);
  const kinds = events.map((e) => e.kind);
  lastSim = sim;
  last = { count: trace.count, events, kinds };
  return last;
}

/** Forgets the last selection (the fuzzers call it after each scenario, so no simulation is kept). */
export function releaseChecked(): void {
  lastSim = undefined;
  last = undefined;
}

/**
 * The events of {@link CHECKED_KINDS} of a simulation's trace, in order, as
 * `sim.events` lists them: most events of a run (deliveries, host and
 * client bookkeeping) are never read by the fuzzers' own checks, and making
 * them all was a tenth of a scenario's cost.
 */
export function checkedEvents(sim: Simulation): readonly TraceEvent[] {
  return checked(sim).events;
}

/** The kinds an invariant declares, as a set (made once per invariant). */
const kindSets = new WeakMap<Invariant, ReadonlySet<string>>();

/**
 * The events of the kinds `inv` declares (it must declare them, all among
 * {@link CHECKED_KINDS}), in order. An invariant that loops over only its
 * own kinds reads one or two event shapes instead of every shape of the
 * trace (reading `kind` from events of many shapes was most of a check's cost).
 */
export function checkedEventsFor(sim: Simulation, inv: Invariant): readonly TraceEvent[] {
  let set = kindSets.get(inv);
  if (!set) kindSets.set(inv, (set = new Set(inv.kinds)));
  const out: TraceEvent[] = [];
  if (set.size === 0) return out;
  const { events, kinds } = checked(sim);
  for (let i = 0; i < kinds.length; i++) if (set.has(kinds[i]!)) out.push(events[i]!);
  return out;
}

/** True when every invariant declares the kinds it reads and {@link checkedEvents} holds them all. */
export function readsCheckedKinds(invariants: readonly Invariant[]): boolean {
  for (const inv of invariants) {
    if (!inv.kinds) return false;
    for (const k of inv.kinds) if (!CHECKED_KINDS.has(k)) return false;
  }
  return true;
}
