import type { Rng } from "../core/rng.js";
import type { Packet } from "./packet.js";
import { RuleSet } from "./rule.js";
import { StreamPlans, type StreamCutOptions } from "./stream-cut.js";
import { emptyArray } from "../core/site-free.js";

/**
 * What happens to a packet: it arrives at a virtual time (a UDP datagram
 * maybe twice), it is dropped, or a rule holds it until released.
 */
export type Decision =
  | { kind: "deliver"; at: number; duplicateAt?: number; delayed?: { ms: number; reason: string } }
  | { kind: "drop"; reason: string }
  | { kind: "hold"; rule: number; reason: string };

/** Latency settings of the network (ms of virtual time). */
export interface LatencyOptions {
  /** One-way latency between different hosts. Default 0. */
  latency?: number;
  /** One-way latency between a host and itself (loopback). Default 0. */
  loopbackLatency?: number;
}

/**
 * Extra random delay added to a packet's fixed latency, drawn from the
 * simulation's seeded generator (ms):
 * `{ uniform: n }` in [0, n); `{ normal: sd }` the absolute value of a normal
 * variate with that standard deviation; `{ exponential: mean }` exponential
 * with that mean.
 */
export type Jitter = { uniform: number } | { normal: number } | { exponential: number };

/** One-way latency of a link: a fixed part plus optional seeded jitter (ms). */
export interface LatencySpec {
  fixed?: number;
  jitter?: Jitter;
}

/** UDP misbehaviour of a link; every probability is per datagram and seeded. */
export interface UdpConditions {
  /** Probability that a datagram is lost. */
  loss?: number;
  /** Probability that a datagram arrives twice. */
  duplicate?: number;
  /**
   * Probability that a datagram is held back by an extra random delay in
   * (0, maxDelay] ms (default 20), so later ones overtake it. A number is the
   * probability.
   */
  reorder?: number | { probability: number; maxDelay?: number };
}

/**
 * Which links a condition applies to (hosts by name):
 * `{ from, to }` one direction; `{ between: [a, b] }` both directions;
 * `{ host }` every link into or out of a host; `{ loopback: true }` every
 * host's link to itself. No selector: every link (for latency: every link
 * between two different hosts; loopback keeps its own latency).
 */
export type LinkSelector = { from: string; to: string } | { between: [string, string] } | { host: string } | { loopback: true };

/** Everything a condition can set on a link. */
export interface LinkSettings {
  latency?: LatencySpec;
  /** Bytes per second; a packet occupies the link for bytes / bandwidth. */
  bandwidth?: number;
  udp?: UdpConditions;
  streamCut?: StreamCutOptions;
}

interface Entry {
  id: number;
  selector: LinkSelector | undefined;
  settings: LinkSettings;
}

/** How specific a selector is for the link from → to (0: does not apply). */
function score(sel: LinkSelector | undefined, from: string, to: string): number {
  if (sel === undefined) return 1;
  if ("loopback" in sel) return from === to ? 3 : 0;
  if ("host" in sel) return from === sel.host || to === sel.host ? 2 : 0;
  if ("between" in sel) {
    const [a, b] = sel.between;
    return (from === a && to === b) || (from === b && to === a) ? 3 : 0;
  }
  return from === sel.from && to === sel.to ? 3 : 0;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/**
 * Decides when (or whether) each packet arrives: first the fault rules
 * (ordered, first non-pass answer wins), then the link's conditions
 * (UDP loss, bandwidth, latency and jitter, UDP reordering and duplication).
 * Conditions are layered: the most specific selector wins, and among equally
 * specific ones the latest.
 */
export class LinkModel {
  /** Default one-way latency between different hosts (ms). */
  latency = 0;
  /** Default one-way latency on a host's loopback (ms). */
  loopbackLatency = 0;
  /** The ordered fault rules. */
  readonly rules = new RuleSet();
  /** Explicit TCP stream cutting plans. */
  readonly plans = new StreamPlans();
  private entries: Entry[] = emptyArray();
  private nextId = 1;
  private readonly busyUntil = new Map<string, number>();

  constructor(
    /** Random source of every condition and fault (jitter, loss, cutting). */
    public rng: Rng,
  ) {}

  /** Sets the one-way latency from host `a` to host `b` (by name). */
  setLinkLatency(a: string, b: string, ms: number): void {
    this.setCondition({ from: a, to: b }, { latency: { fixed: ms } });
  }

  /** Layers `settings` on the selected links; returns a function that removes this layer. */
  setCondition(selector: LinkSelector | undefined, settings: LinkSettings): () => void {
    const id = this.nextId++;
    this.entries.push({ id, selector, settings });
    return () => {
      this.entries = this.entries.filter((e) => e.id !== id);
    };
  }

  /** The effective value of one setting on the link from → to. */
  setting<K extends keyof LinkSettings>(from: string, to: string, key: K): LinkSettings[K] | undefined {
    let best: LinkSettings[K] | undefined;
    let bestScore = 0;
    for (const e of this.entries) {
      const v = e.settings[key];
      if (v === undefined) continue;
      let s = score(e.selector, from, to);
      if (key === "latency" && e.selector === undefined && from === to) s = 0;
      if (s > 0 && s >= bestScore) {
        best = v;
        bestScore = s;
      }
    }
    return best;
  }

  /** The fixed one-way latency of the link a packet takes (without jitter). */
  latencyFor(p: Packet): number {
    const to = p.to!;
    const spec = this.entries.length ? this.setting(p.from.name, to.name, "latency") : undefined;
    if (spec?.fixed !== undefined) return spec.fixed;
    return p.from === to ? this.loopbackLatency : this.latency;
  }

  /** True while no link condition and no stream plan is set: no send can be cut or merged. */
  get plain(): boolean {
    return this.entries.length === 0 && this.plans.size === 0;
  }

  /** Stream cutting in force on the link from → to. */
  streamCutFor(from: string, to: string): StreamCutOptions | undefined {
    return this.entries.length ? this.setting(from, to, "streamCut") : undefined;
  }

  /**
   * When a packet sent now arrives while nothing but the default latencies
   * applies (no fault rule, no link condition): what {@link decide} would
   * answer, without making its answer. NaN when `decide` is needed.
   */
  plainArrival(p: Packet, now: number, skipRules: boolean): number {
    if (this.entries.length !== 0 || (!skipRules && this.rules.size !== 0)) return NaN;
    return this.defaultArrival(p, now, 0);
  }

  /** When a packet sent now arrives over its link's default latency, `extra` ms later (no link condition). */
  private defaultArrival(p: Packet, now: number, extra: number): number {
    return round(now + (p.from === p.to ? this.loopbackLatency : this.latency) + extra);
  }

  /** Decides the fate of a packet sent now (`skipRules`: conditions only, for released packets). */
  decide(p: Packet, now: number, skipRules = false): Decision {
    const ruled = skipRules ? undefined : this.rules.decide(p);
    if (ruled && ruled.kind !== "delay") return ruled;
    let extra = ruled?.ms ?? 0;
    let delayed = ruled ? { ms: ruled.ms, reason: ruled.reason } : undefined;
    const to = p.to!;
    if (this.entries.length === 0) return { kind: "deliver", at: this.defaultArrival(p, now, extra), delayed };
    const from = p.from.name;
    const udp = p.proto === "udp" ? this.setting(from, to.name, "udp") : undefined;
    if (udp?.loss && this.rng.chance(udp.loss)) return { kind: "drop", reason: "udp loss" };
    let start = now;
    const bw = this.setting(from, to.name, "bandwidth");
    if (bw !== undefined && bw > 0 && Number.isFinite(bw)) {
      const link = `${from}>${to.name}`;
      start = Math.max(now, this.busyUntil.get(link) ?? 0);
      const done = round(start + ((p.data?.length ?? 0) * 1000) / bw);
      this.busyUntil.set(link, done);
      start = done;
    }
    const spec = this.setting(from, to.name, "latency");
    const fixed = spec?.fixed ?? (p.from === to ? this.loopbackLatency : this.latency);
    const jitter = spec?.jitter;
    if (udp?.reorder !== undefined) {
      const r = typeof udp.reorder === "number" ? { probability: udp.reorder } : udp.reorder;
      if (this.rng.chance(r.probability)) {
        const ms = round(Math.max(0.001, this.rng.float() * (r.maxDelay ?? 20)));
        extra += ms;
        delayed = { ms: (delayed?.ms ?? 0) + ms, reason: delayed ? `${delayed.reason}, udp reorder` : "udp reorder" };
      }
    }
    const at = round(start + fixed + this.sample(jitter) + extra);
    if (udp?.duplicate && this.rng.chance(udp.duplicate)) {
      return { kind: "deliver", at, duplicateAt: round(start + fixed + this.sample(jitter) + extra), delayed };
    }
    return { kind: "deliver", at, delayed };
  }

  private sample(j: Jitter | undefined): number {
    if (j === undefined) return 0;
    if ("uniform" in j) return this.rng.float() * j.uniform;
    if ("exponential" in j) return -j.exponential * Math.log(1 - this.rng.float());
    // Box-Muller; the absolute value keeps the delay non-negative.
    const u = 1 - this.rng.float();
    const v = this.rng.float();
    return Math.abs(j.normal * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}
