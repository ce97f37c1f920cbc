import { SimulationUsageError } from "../core/errors.js";
import type { FaultHandle, FaultRule, InFlightEntry, InFlightPacket } from "../net/rule.js";
import type { StreamCutPlan } from "../net/stream-cut.js";
import { connectionFault, type ConnectionFaultOptions } from "./connection-faults.js";
import { hostNamed, note, type FaultContext } from "./context.js";
import { crashHost, restartHost, type CrashHandle, type CrashOptions } from "./crash.js";
import { handle } from "./handle.js";
import { checkPlan } from "./plan.js";
import { injectServerError, type ServerErrorOptions } from "./server-error.js";
import { emptyArray } from "../core/site-free.js";

/** Hosts by name: one host or a group. */
export type HostGroup = string | readonly string[];

/** Options of {@link Faults.partition} and {@link Faults.hold}. */
export interface DirectionOptions {
  /** Only traffic from the first group to the second. Default: both directions. */
  oneWay?: boolean;
}

/** A hold: traffic is parked until `release()` (same as `remove()`) sends it on. */
export interface HoldHandle extends FaultHandle {
  /** Stops holding and sends every held packet on, in order. Returns how many were held. */
  release(): number;
  /** The packets held now. */
  held(): InFlightEntry[];
}

/**
 * Fault injection of a simulation (`sim.faults`). Faults that act on packets
 * are ordered rules: each packet in flight is shown to every rule in the
 * order they were installed, and the first answer that is not "pass" wins
 * (drop, delay or hold). Every fault returns a handle whose `remove()` undoes
 * it, and shows in the trace as a `fault` event.
 *
 * ```ts
 * const cut = sim.faults.partition("renoise", "phone");
 * sim.advance(500);
 * cut.remove(); // heal
 * ```
 */
export class Faults {
  private readonly partitions: { a: string[]; b: string[]; handle: FaultHandle }[] = emptyArray();

  constructor(private readonly ctx: FaultContext) {}

  /**
   * Installs a rule after the existing ones. A plain function is a rule:
   * `sim.faults.rule((p) => (p.proto === "udp" ? "drop" : "pass"))`.
   */
  rule(rule: FaultRule, name?: string): FaultHandle {
    if (typeof rule !== "function" && (typeof rule !== "object" || rule === null || typeof rule.decide !== "function")) {
      throw new SimulationUsageError("sim.faults.rule: expected a function (packet) => verdict, or { name, decide(packet) }");
    }
    return this.install(name ?? (typeof rule === "function" ? rule.name || "rule" : rule.name), "rule", rule);
  }

  /** Drops all traffic between two groups of hosts (TCP retransmits, so it flows again after the heal). */
  partition(a: HostGroup, b: HostGroup, options: DirectionOptions = {}): FaultHandle {
    const call = "sim.faults.partition";
    const ga = this.group(call, a);
    const gb = this.group(call, b);
    const what = `${ga.join(",")} ${options.oneWay ? "->" : "<->"} ${gb.join(",")}`;
    const match = between(ga, gb, options.oneWay === true);
    const h = this.install(`partition ${what}`, "partition", (p) => (match(p) ? "drop" : "pass"));
    const entry = { a: ga, b: gb, handle: h };
    this.partitions.push(entry);
    return handle(() => {
      const i = this.partitions.indexOf(entry);
      if (i >= 0) this.partitions.splice(i, 1);
      h.remove();
    });
  }

  /** Removes the partitions between `a` and `b` (in either order), or every partition. */
  heal(a?: HostGroup, b?: HostGroup): void {
    const ga = a === undefined ? undefined : this.group("sim.faults.heal", a);
    const gb = b === undefined ? undefined : this.group("sim.faults.heal", b);
    const same = (x: string[], y: string[] | undefined): boolean => y === undefined || (x.length === y.length && x.every((h) => y.includes(h)));
    for (const p of [...this.partitions]) {
      if ((same(p.a, ga) && same(p.b, gb)) || (same(p.a, gb) && same(p.b, ga))) {
        this.partitions.splice(this.partitions.indexOf(p), 1);
        p.handle.remove();
      }
    }
  }

  /** Parks all traffic between two groups of hosts until the handle releases it. */
  hold(a: HostGroup, b: HostGroup, options: DirectionOptions = {}): HoldHandle {
    const call = "sim.faults.hold";
    const ga = this.group(call, a);
    const gb = this.group(call, b);
    const what = `${ga.join(",")} ${options.oneWay ? "->" : "<->"} ${gb.join(",")}`;
    const match = between(ga, gb, options.oneWay === true);
    let released = 0;
    const h = this.install(`hold ${what}`, "hold", (p) => (match(p) ? "hold" : "pass"), () => {
      released = this.ctx.network.release(ruleId);
    });
    const ruleId = (h as FaultHandle & { id: number }).id;
    return {
      release: () => {
        h.remove();
        return released;
      },
      remove: () => h.remove(),
      held: () => this.ctx.network.inFlight().filter((e) => e.state === "held" && match(e)),
    };
  }

  /**
   * Silently drops every packet to a host, an address, or "address:port":
   * a TCP connect there times out, datagrams vanish.
   */
  blackhole(target: string): FaultHandle {
    const call = "sim.faults.blackhole";
    if (typeof target !== "string" || target === "") throw new SimulationUsageError(`${call}: target must be a host name, an address or "address:port"`);
    const m = /^(.*?)(?::(\d+))?$/.exec(target)!;
    const name = m[1]!;
    const port = m[2] === undefined ? undefined : Number(m[2]);
    const byName = this.ctx.network.hosts.get(name);
    const address = byName ? byName.address : name;
    const hostName = byName?.name ?? [...this.ctx.network.hosts.values()].find((h) => h.address === address)?.name;
    const match = (p: InFlightPacket): boolean => {
      const [addr, pstr] = splitEndpoint(p.dst);
      const toTarget = addr === address || (hostName !== undefined && p.to === hostName && p.from !== hostName);
      return toTarget && (port === undefined || Number(pstr) === port);
    };
    return this.install(`blackhole ${target}`, "blackhole", (p) => (match(p) ? "drop" : "pass"));
  }

  /** Crashes a host (see {@link crashHost}); the handle restarts it. */
  crash(host: string, options: CrashOptions = {}): CrashHandle {
    return crashHost(this.ctx, host, options);
  }

  /** Brings a crashed host back, with no sockets. */
  restart(host: string): void {
    restartHost(this.ctx, host);
  }

  /** An end of a connection aborts: its peer sees a reset (R13: "disconnected"; send: reset by peer). */
  reset(options: ConnectionFaultOptions = {}): FaultHandle {
    return connectionFault(this.ctx, "reset", options);
  }

  /** An end of a connection closes it in order: its peer gets the bytes sent so far, then the end of the stream. */
  closeByPeer(options: ConnectionFaultOptions = {}): FaultHandle {
    return connectionFault(this.ctx, "close", options);
  }

  /**
   * Half-open: an end of a connection vanishes without FIN or RST. Its peer
   * still looks connected; what the peer sends is lost and retransmitted
   * until the retries run out (see `sim.conditions.tcp`).
   */
  halfOpen(options: ConnectionFaultOptions = {}): FaultHandle {
    return connectionFault(this.ctx, "half-open", options);
  }

  /** Injects socket_error into a server (R19): now, `at` a time, or `when` a trace event matches. */
  serverError(options: ServerErrorOptions): FaultHandle {
    return injectServerError(this.ctx, options);
  }

  /**
   * Cuts TCP streams exactly as planned: splits sends at byte offsets and
   * merges consecutive sends (see {@link StreamCutPlan}). Sends a plan does
   * not name follow `sim.conditions.streamCut` (default: untouched).
   */
  cutStream(plan: StreamCutPlan): FaultHandle {
    checkPlan("sim.faults.cutStream", plan);
    const remove = this.ctx.network.links.plans.add(plan);
    const what = `splits=${plan.splits?.length ?? 0} merges=${plan.merges?.length ?? 0}`;
    note(this.ctx, "cut-stream", "on", { what });
    return handle(() => {
      remove();
      note(this.ctx, "cut-stream", "off", { what });
    });
  }

  /** Every packet in flight now: on the wire, held, or waiting to be retransmitted. */
  inFlight(): InFlightEntry[] {
    return this.ctx.network.inFlight();
  }

  private install(name: string, fault: string, rule: FaultRule, onRemove?: () => void): FaultHandle {
    const h = this.ctx.network.links.rules.install(rule, name, () => {
      onRemove?.();
      note(this.ctx, fault, "off", { what: name, rule: h.id });
    });
    note(this.ctx, fault, "on", { what: name, rule: h.id });
    return h;
  }

  private group(call: string, g: HostGroup): string[] {
    const list = typeof g === "string" ? [g] : [...g];
    if (list.length === 0) throw new SimulationUsageError(`${call}: a host group must not be empty`);
    return list.map((n) => hostNamed(this.ctx, call, n).name);
  }
}

function between(a: string[], b: string[], oneWay: boolean): (p: { from: string; to: string | undefined }) => boolean {
  return (p) =>
    p.to !== undefined &&
    ((a.includes(p.from) && b.includes(p.to)) || (!oneWay && b.includes(p.from) && a.includes(p.to)));
}

function splitEndpoint(ep: string): [string, string] {
  const i = ep.lastIndexOf(":");
  return [ep.slice(0, i), ep.slice(i + 1)];
}
