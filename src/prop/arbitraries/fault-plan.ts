import fc from "fast-check";
import { SimulationUsageError } from "../../core/errors.js";
import type { PlannedFault, PlannedFaultKind } from "../scenario.js";

/** Every fault kind a scenario can carry. */
export const FAULT_KINDS: readonly PlannedFaultKind[] = Object.freeze([
  "jitter",
  "udp",
  "partition",
  "reset",
  "close-by-peer",
  "half-open",
  "server-error",
]);

/** Options of {@link faultPlanArbitrary}. */
export interface FaultPlanOptions {
  /** Kinds to draw from. Default: all of {@link FAULT_KINDS}. */
  kinds?: readonly PlannedFaultKind[];
  /** Most faults in one plan. Default 2. */
  maxFaults?: number;
  /** Faults happen at 0..horizon ms of virtual time. Default 300. */
  horizon?: number;
  /** Peers a fault may hit (indices 0..peers-1). Default 3. */
  peers?: number;
}

/**
 * Generates fault plans for scenarios: jitter, UDP loss / duplication /
 * reordering, partitions, connection resets, orderly closes and vanishing
 * peers, socket_error. Shrinks toward the empty plan, then toward early,
 * short, low-probability faults on the first peer.
 */
export function faultPlanArbitrary(options: FaultPlanOptions = {}): fc.Arbitrary<PlannedFault[]> {
  const kinds = options.kinds ?? FAULT_KINDS;
  for (const k of kinds) {
    if (!FAULT_KINDS.includes(k)) {
      throw new SimulationUsageError(`faultPlanArbitrary: unknown fault kind "${String(k)}"; use one of ${FAULT_KINDS.join(", ")}`);
    }
  }
  const maxFaults = options.maxFaults ?? 2;
  if (kinds.length === 0 || maxFaults === 0) return fc.constant([]);
  const at = fc.integer({ min: 0, max: options.horizon ?? 300 });
  const peer = fc.nat({ max: Math.max(0, (options.peers ?? 3) - 1) });
  const p = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 100 }).map((x) => x / 100);
  const one: Record<PlannedFaultKind, fc.Arbitrary<PlannedFault>> = {
    jitter: fc.record({ kind: fc.constant("jitter" as const), fixed: fc.integer({ min: 0, max: 20 }), jitter: fc.integer({ min: 0, max: 20 }) }),
    udp: fc.record({ kind: fc.constant("udp" as const), loss: p(0.5), duplicate: p(0.5), reorder: p(0.5) }),
    partition: fc.record({ kind: fc.constant("partition" as const), peer, at, ms: fc.integer({ min: 1, max: 500 }) }),
    reset: fc.record({ kind: fc.constant("reset" as const), peer, at }),
    "close-by-peer": fc.record({ kind: fc.constant("close-by-peer" as const), peer, at }),
    "half-open": fc.record({ kind: fc.constant("half-open" as const), peer, at }),
    "server-error": fc.record({ kind: fc.constant("server-error" as const), at }),
  };
  return fc.array(fc.oneof(...kinds.map((k) => one[k])), { maxLength: maxFaults });
}
