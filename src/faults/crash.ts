import { SimulationUsageError } from "../core/errors.js";
import type { FaultHandle } from "../net/rule.js";
import { ServerCore } from "../renoise/socket/server.js";
import { checkNumber, hostNamed, note, type FaultContext } from "./context.js";

/** Options of {@link crashHost}. */
export interface CrashOptions {
  /** Restart the host after this many ms of virtual time. */
  restartAfter?: number;
  /** Runs right after the restart (re-create the host's servers here). */
  onRestart?: () => void;
}

/** A crashed host: `restart()` (or `remove()`) brings it back. */
export interface CrashHandle extends FaultHandle {
  restart(): void;
}

/**
 * Crashes a host: its sockets vanish at once without FIN or RST, packets to
 * it are lost (TCP peers retransmit), its servers' queued callbacks are
 * dropped and its ports are freed. After a restart, a peer's segment on an
 * old connection is answered with a reset.
 */
export function crashHost(ctx: FaultContext, name: string, o: CrashOptions = {}): CrashHandle {
  const call = "sim.faults.crash";
  const host = hostNamed(ctx, call, name);
  if (!host.up) throw new SimulationUsageError(`${call}: host "${name}" is down already; restart it with sim.faults.restart("${name}")`);
  if (o.restartAfter !== undefined) checkNumber(call, "restartAfter", o.restartAfter);
  note(ctx, "crash", "fire", { target: host.name });
  ctx.network.crashHost(host);
  for (const owner of [...host.tcpPorts.values(), ...host.udpPorts.values()]) {
    if (owner instanceof ServerCore) owner.vanish();
  }
  host.tcpPorts.clear();
  host.udpPorts.clear();
  let up = false;
  let cancel: (() => void) | undefined;
  const restart = (): void => {
    if (up) return;
    up = true;
    cancel?.();
    restartHost(ctx, host.name);
    o.onRestart?.();
  };
  if (o.restartAfter !== undefined) cancel = ctx.at(ctx.now() + o.restartAfter, restart);
  return { restart, remove: restart };
}

/** Brings a crashed host back up, with no sockets. */
export function restartHost(ctx: FaultContext, name: string): void {
  const host = hostNamed(ctx, "sim.faults.restart", name);
  if (host.up) return;
  host.up = true;
  note(ctx, "crash", "off", { target: host.name });
}
