import { SimulationUsageError } from "../core/errors.js";
import type { Trace, TraceValue } from "../core/trace.js";
import type { Host } from "../net/host.js";
import type { Network } from "../net/network.js";

/** What faults and conditions need from their simulation. */
export interface FaultContext {
  readonly network: Network;
  readonly trace: Trace;
  /** Name of the tool host (the default target of server faults). */
  readonly toolHost: string;
  now(): number;
  /** Runs `fn` as a network event at virtual time `time` (not before now); returns a canceller. */
  at(time: number, fn: () => void): () => void;
}

/** The host called `name`, or a usage error that names `call` and the known hosts. */
export function hostNamed(ctx: FaultContext, call: string, name: unknown): Host {
  const h = typeof name === "string" ? ctx.network.hosts.get(name) : undefined;
  if (!h) {
    const known = [...ctx.network.hosts.keys()].map((n) => `"${n}"`).join(", ");
    throw new SimulationUsageError(`${call}: no host named ${JSON.stringify(name)}; the hosts are ${known}`);
  }
  return h;
}

/** Records a note about a fault: kind "fault", host "sim". */
export function note(ctx: FaultContext, fault: string, action: "on" | "off" | "fire" | "skip", fields: Record<string, TraceValue>): void {
  ctx.trace.record("fault", "sim", { fault, action, ...fields });
}

/** Throws a usage error unless `v` is a finite number >= min. */
export function checkNumber(call: string, what: string, v: unknown, min = 0): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min) {
    throw new SimulationUsageError(`${call}: ${what} must be a finite number >= ${min}, got ${String(v)}`);
  }
  return v;
}

/** Throws a usage error unless `v` is a probability. */
export function checkProbability(call: string, what: string, v: unknown): number {
  if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
    throw new SimulationUsageError(`${call}: ${what} must be a probability in [0, 1], got ${String(v)}`);
  }
  return v;
}
