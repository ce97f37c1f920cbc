import { SimulationUsageError } from "../core/errors.js";
import type { TraceEvent } from "../core/trace.js";
import type { FaultHandle } from "../net/rule.js";
import { ServerCore } from "../renoise/socket/server.js";
import { checkNumber, hostNamed, note, type FaultContext } from "./context.js";
import { handle } from "./handle.js";

/** Options of {@link injectServerError}. */
export interface ServerErrorOptions {
  /** The server's port. */
  port: number;
  /** Its host. Default: the tool host. */
  host?: string;
  /** Default "tcp". */
  proto?: "tcp" | "udp";
  /** The text socket_error receives. Default {@link DEFAULT_SERVER_ERROR}. */
  message?: string;
  /** Inject at this virtual time (ms). */
  at?: number;
  /** Inject right after the first trace event this returns true for. */
  when?: (event: TraceEvent) => boolean;
}

/**
 * The default text of an injected socket_error: what boost::asio reports
 * for ECONNABORTED, a typical failure of a server's background accept loop.
 */
export const DEFAULT_SERVER_ERROR = "Software caused connection abort";

/**
 * Queues `socket_error(message)` on a running server, as if its background
 * thread had failed (R19): now, at a time, or after a trace event.
 */
export function injectServerError(ctx: FaultContext, o: ServerErrorOptions): FaultHandle {
  const call = "sim.faults.serverError";
  if (typeof o !== "object" || o === null) throw new SimulationUsageError(`${call}: expected { port, host, message, at, when }`);
  checkNumber(call, "port", o.port, 1);
  const host = hostNamed(ctx, call, o.host ?? ctx.toolHost);
  const proto = o.proto ?? "tcp";
  const message = o.message ?? DEFAULT_SERVER_ERROR;
  if (o.at !== undefined) checkNumber(call, "at", o.at);
  if (o.when !== undefined && typeof o.when !== "function") throw new SimulationUsageError(`${call}: when must be a function`);
  const target = `${host.name} ${proto} :${o.port}`;
  const fire = (): void => {
    const owner = (proto === "tcp" ? host.tcpPorts : host.udpPorts).get(o.port);
    if (!(owner instanceof ServerCore)) {
      note(ctx, "server-error", "skip", { target, why: "no server on that port" });
      return;
    }
    note(ctx, "server-error", "fire", { target, error: message });
    owner.injectError(message);
  };
  note(ctx, "server-error", "on", { target, ...(o.at !== undefined ? { at: o.at } : {}), ...(o.when ? { when: "condition" } : {}) });
  let cancel: (() => void) | undefined;
  let stopWatch: (() => void) | undefined;
  if (o.when) {
    const when = o.when;
    let triggered = false;
    // Unsubscribing inside the trace's listener loop would skip other listeners: stop at the next step instead.
    const stop = ctx.trace.subscribe((e) => {
      if (triggered || e.kind === "fault" || !when(e)) return;
      triggered = true;
      cancel = ctx.at(ctx.now(), () => {
        stop();
        fire();
      });
    });
    stopWatch = stop;
  } else if (o.at !== undefined) {
    cancel = ctx.at(o.at, fire);
  } else {
    fire();
  }
  return handle(() => {
    cancel?.();
    stopWatch?.();
    note(ctx, "server-error", "off", { target });
  });
}
