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

/** Selections made, per simulation (a run's checks and its coverage share one). */
const cache = new WeakMap<Simulation, Checked>();

function checked(sim: Simulation): Checked {
  const trace = sim.trace;
  const hit = cache.get(sim);
  if (hit && hit.count === trace.count) return hit;
  const events = trace.eventsOf(CHECKED_KINDS);
  const kinds = events.map((e) => e.kind);
  const made = { count: trace.count, events, kinds };
  cache.set(sim, made);
  return made;
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
