import { SimulationUsageError } from "../core/errors.js";
import type { SendTap } from "../net/network.js";
import type { FaultHandle } from "../net/rule.js";
import type { TcpEnd } from "../net/tcp-end.js";
import { checkNumber, hostNamed, note, type FaultContext } from "./context.js";
import { handle } from "./handle.js";

/** What happens to a connection: a reset, an orderly close, or a silent disappearance. */
export type ConnectionFaultKind = "reset" | "close" | "half-open";

/**
 * Which connection end acts, and when. Without `afterBytes` and `at` it acts
 * at once on every matching connection open now.
 */
export interface ConnectionFaultOptions {
  /** The connection number (`conn` in the trace). Default: every connection. */
  conn?: number;
  /** Only ends that live on this host. */
  host?: string;
  /** The end that acts: the one that connected ("client", default) or the accepting one ("server"). */
  from?: "client" | "server";
  /** Act once that end has sent this many bytes; the send crossing the mark is cut there. */
  afterBytes?: number;
  /** Act at this virtual time (ms). */
  at?: number;
}

const ACTIONS: Record<ConnectionFaultKind, string> = {
  reset: "sim.faults.reset",
  close: "sim.faults.closeByPeer",
  "half-open": "sim.faults.halfOpen",
};

/** Installs a connection fault (see {@link ConnectionFaultOptions}). */
export function connectionFault(ctx: FaultContext, kind: ConnectionFaultKind, o: ConnectionFaultOptions = {}): FaultHandle {
  const call = ACTIONS[kind];
  if (typeof o !== "object" || o === null) throw new SimulationUsageError(`${call}: expected { conn, host, from, afterBytes, at }`);
  const side = o.from ?? "client";
  if (side !== "client" && side !== "server") throw new SimulationUsageError(`${call}: from must be "client" or "server"`);
  if (o.conn !== undefined && !(Number.isInteger(o.conn) && o.conn > 0)) {
    throw new SimulationUsageError(`${call}: conn must be a connection number (1, 2, ...), got ${String(o.conn)}`);
  }
  const host = o.host === undefined ? undefined : hostNamed(ctx, call, o.host);
  if (o.afterBytes !== undefined) checkNumber(call, "afterBytes", o.afterBytes);
  if (o.at !== undefined) checkNumber(call, "at", o.at);
  const what = [
    o.conn !== undefined ? `conn ${o.conn}` : "every connection",
    `from ${side}`,
    ...(host ? [`on ${host.name}`] : []),
    ...(o.afterBytes !== undefined ? [`after ${o.afterBytes} bytes`] : []),
    ...(o.at !== undefined ? [`at ${o.at}ms`] : []),
  ].join(" ");
  const net = ctx.network;
  const matches = (end: TcpEnd): boolean =>
    end.side === side && (o.conn === undefined || end.conn === o.conn) && (host === undefined || end.host === host);
  const act = (end: TcpEnd, fields: Record<string, number> = {}): void => {
    if (end.closedLocal) return;
    note(ctx, kind, "fire", { conn: end.conn, side, ...fields });
    if (kind === "reset") net.reset(end, "fault: reset");
    else if (kind === "close") net.close(end, "fault: close by peer");
    else net.vanish(end);
  };
  const actOnOpen = (): void => {
    let n = 0;
    for (const c of [...net.connections.values()]) {
      const end = side === "client" ? c.client : c.server;
      if (matches(end) && !end.closedLocal) {
        act(end);
        n++;
      }
    }
    if (n === 0) note(ctx, kind, "skip", { what: `${what}: no open connection matched` });
  };

  note(ctx, kind, "on", { what });
  const undo: (() => void)[] = [];
  if (o.afterBytes !== undefined) {
    const limit = o.afterBytes;
    const fired = new WeakSet<TcpEnd>();
    const tap: SendTap = (end, data) => {
      if (fired.has(end) || !matches(end)) return undefined;
      const before = end.bytesSent - data.length;
      if (before + data.length < limit || (data.length === 0 && before < limit)) return undefined;
      fired.add(end);
      const keep = Math.max(0, limit - before);
      return { data: data.slice(0, keep), after: () => act(end, { kept: keep, discarded: data.length - keep }) };
    };
    net.sendTaps.push(tap);
    undo.push(() => {
      const i = net.sendTaps.indexOf(tap);
      if (i >= 0) net.sendTaps.splice(i, 1);
    });
  } else if (o.at !== undefined) {
    undo.push(ctx.at(o.at, actOnOpen));
  } else {
    actOnOpen();
  }
  return handle(() => {
    for (const u of undo) u();
    note(ctx, kind, "off", { what });
  });
}
