import { SimulationUsageError } from "../core/errors.js";
import type { Jitter, LatencySpec, LinkSelector, LinkSettings, UdpConditions } from "../net/link-model.js";
import type { TcpRetransmission } from "../net/network.js";
import type { FaultHandle } from "../net/rule.js";
import { checkStreamCut, type StreamCutOptions } from "../net/stream-cut.js";
import { checkNumber, checkProbability, hostNamed, type FaultContext } from "./context.js";
import { handle } from "./handle.js";

/**
 * Network conditions of a simulation (`sim.conditions`): how links behave
 * when nothing is broken. Every setting is seeded and shows in the trace as a
 * `condition` event; each call returns a handle whose `remove()` takes that
 * setting away again. Without a link selector a setting applies to every
 * link (latency: every link between two different hosts); the most specific
 * selector wins, then the latest call.
 *
 * ```ts
 * sim.conditions.latency({ fixed: 20, jitter: { uniform: 10 } });
 * sim.conditions.bandwidth(64_000, { between: ["renoise", "phone"] });
 * sim.conditions.streamCut({ split: { probability: 0.5 }, merge: "queued" });
 * sim.conditions.udp({ loss: 0.1, duplicate: 0.05, reorder: 0.2 });
 * ```
 */
export class Conditions {
  constructor(private readonly ctx: FaultContext) {}

  /** One-way latency: a number of ms, or a fixed part plus seeded jitter. */
  latency(spec: LatencySpec | number, link?: LinkSelector): FaultHandle {
    const call = "sim.conditions.latency";
    const s: LatencySpec = typeof spec === "number" ? { fixed: spec } : spec;
    if (typeof s !== "object" || s === null) throw new SimulationUsageError(`${call}: expected ms or { fixed, jitter }`);
    if (s.fixed !== undefined) checkNumber(call, "fixed", s.fixed);
    if (s.jitter !== undefined) checkJitter(call, s.jitter);
    return this.layer(call, "latency", link, { latency: s }, describeLatency(s));
  }

  /** Bandwidth in bytes per second: a packet occupies the link for its size / bandwidth. */
  bandwidth(bytesPerSecond: number, link?: LinkSelector): FaultHandle {
    const call = "sim.conditions.bandwidth";
    checkNumber(call, "bytesPerSecond", bytesPerSecond, 1);
    return this.layer(call, "bandwidth", link, { bandwidth: bytesPerSecond }, `${bytesPerSecond} B/s`);
  }

  /** UDP loss, duplication and reordering probabilities. */
  udp(conditions: UdpConditions, link?: LinkSelector): FaultHandle {
    const call = "sim.conditions.udp";
    if (typeof conditions !== "object" || conditions === null) {
      throw new SimulationUsageError(`${call}: expected { loss, duplicate, reorder }`);
    }
    const parts: string[] = [];
    if (conditions.loss !== undefined) parts.push(`loss=${checkProbability(call, "loss", conditions.loss)}`);
    if (conditions.duplicate !== undefined) parts.push(`duplicate=${checkProbability(call, "duplicate", conditions.duplicate)}`);
    const r = conditions.reorder;
    if (r !== undefined) {
      const o = typeof r === "number" ? { probability: r } : r;
      checkProbability(call, "reorder probability", o.probability);
      if (o.maxDelay !== undefined) checkNumber(call, "reorder maxDelay", o.maxDelay, 0.001);
      parts.push(`reorder=${o.probability}${o.maxDelay !== undefined ? `/${o.maxDelay}ms` : ""}`);
    }
    return this.layer(call, "udp", link, { udp: conditions }, parts.join(" "));
  }

  /**
   * How TCP sends are cut into segments (split) and joined (merge) when no
   * {@link Faults.cutStream} plan names them. Default: never split, never merge.
   */
  streamCut(options: StreamCutOptions, link?: LinkSelector): FaultHandle {
    const call = "sim.conditions.streamCut";
    if (typeof options !== "object" || options === null) throw new SimulationUsageError(`${call}: expected { split, merge }`);
    try {
      checkStreamCut(call, options);
    } catch (e) {
      throw new SimulationUsageError((e as Error).message);
    }
    return this.layer(call, "streamCut", link, { streamCut: options }, describeCut(options));
  }

  /** TCP retransmission timing (see {@link TcpRetransmission}); `remove()` restores the previous values. */
  tcp(options: Partial<TcpRetransmission>): FaultHandle {
    const call = "sim.conditions.tcp";
    const r = this.ctx.network.retransmission;
    const before = { ...r };
    for (const [k, v] of Object.entries(options)) {
      if (!(k in r)) throw new SimulationUsageError(`${call}: unknown option "${k}"; use ${Object.keys(r).join(", ")}`);
      checkNumber(call, k, v, k.endsWith("etries") ? 0 : 1);
    }
    Object.assign(r, options);
    const what = Object.entries(options)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(" ");
    this.ctx.trace.record("condition", "sim", { condition: "tcp", link: "*", what });
    return handle(() => {
      Object.assign(r, before);
      this.ctx.trace.record("condition", "sim", { condition: "tcp", link: "*", what: "restored" });
    });
  }

  private layer(call: string, name: string, link: LinkSelector | undefined, settings: LinkSettings, what: string): FaultHandle {
    const label = this.linkLabel(call, link);
    const remove = this.ctx.network.links.setCondition(link, settings);
    this.ctx.trace.record("condition", "sim", { condition: name, link: label, what });
    return handle(() => {
      remove();
      this.ctx.trace.record("condition", "sim", { condition: name, link: label, what: "removed" });
    });
  }

  private linkLabel(call: string, link: LinkSelector | undefined): string {
    if (link === undefined) return "*";
    if (typeof link !== "object" || link === null) {
      throw new SimulationUsageError(`${call}: link must be { from, to }, { between: [a, b] }, { host } or { loopback: true }`);
    }
    if ("loopback" in link) return "loopback";
    if ("host" in link) return `${hostNamed(this.ctx, call, link.host).name} <-> *`;
    if ("between" in link) {
      const [a, b] = link.between;
      return `${hostNamed(this.ctx, call, a).name} <-> ${hostNamed(this.ctx, call, b).name}`;
    }
    return `${hostNamed(this.ctx, call, link.from).name} -> ${hostNamed(this.ctx, call, link.to).name}`;
  }
}

function checkJitter(call: string, j: Jitter): void {
  if (typeof j !== "object" || j === null) throw new SimulationUsageError(`${call}: jitter must be { uniform }, { normal } or { exponential }`);
  const v = "uniform" in j ? j.uniform : "normal" in j ? j.normal : "exponential" in j ? j.exponential : undefined;
  if (v === undefined) throw new SimulationUsageError(`${call}: jitter must be { uniform }, { normal } or { exponential }`);
  checkNumber(call, "jitter", v);
}

function describeLatency(s: LatencySpec): string {
  const parts = [`fixed=${s.fixed ?? "default"}ms`];
  const j = s.jitter;
  if (j) {
    const [k, v] = Object.entries(j)[0] as [string, number];
    parts.push(`jitter=${k}(${v}ms)`);
  }
  return parts.join(" ");
}

function describeCut(o: StreamCutOptions): string {
  const split = o.split === undefined ? "never" : typeof o.split === "string" ? o.split : JSON.stringify(o.split);
  const merge = o.merge === undefined ? "never" : typeof o.merge === "string" ? o.merge : JSON.stringify(o.merge);
  return `split=${split} merge=${merge}`;
}
