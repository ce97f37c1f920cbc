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

/** Each kind of {@link CHECKED_KINDS} by its index (a byte: there are far fewer than 256). */
const KIND_INDEX: ReadonlyMap<string, number> = new Map([...CHECKED_KINDS].map((k, i) => [k, i]));

/** The events of {@link CHECKED_KINDS} of a trace, with each one's kind index in a list of their own. */
interface Checked {
  /** The trace's event count when they were selected. */
  readonly count: number;
  readonly events: readonly TraceEvent[];
  /** Per event, the index of its kind in {@link CHECKED_KINDS}. */
  readonly kinds: readonly number[];
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
  const kinds: number[] = [];
  for (let i = 0; i < events.length; i++) kinds.push(KIND_INDEX.get(events[i]!.kind)!);
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

/** The kinds an invariant declares, as a table by kind index of {@link CHECKED_KINDS} (made once per invariant). */
const kindTables = new WeakMap<Invariant, Uint8Array>();

function kindTable(inv: Invariant): Uint8Array {
  let table = kindTables.get(inv);
  if (!table) {
    table = new Uint8Array(KIND_INDEX.size);
    for (const k of inv.kinds ?? []) {
      const i = KIND_INDEX.get(k);
      if (i !== undefined) table[i] = 1;
    }
    kindTables.set(inv, table);
  }
  return table;
}

/**
 * The events of the kinds `inv` declares (it must declare them, all among
 * {@link CHECKED_KINDS}), in order. An invariant that loops over only its
 * own kinds reads one or two event shapes instead of every shape of the
 * trace (reading `kind` from events of many shapes was most of a check's cost).
 */
export function checkedEventsFor(sim: Simulation, inv: Invariant): readonly TraceEvent[] {
  const out: TraceEvent[] = [];
  if (!inv.kinds || inv.kinds.length === 0) return out;
  const table = kindTable(inv);
  const { events, kinds } = checked(sim);
  // Each event's kind was looked up once, in checked(): here a table read per event, not a string hash.
  for (let i = 0; i < kinds.length; i++) if (table[kinds[i]!] === 1) out.push(events[i]!);
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
