import type { Rng } from "../core/rng.js";
import type { Packet } from "./packet.js";

/** What happens to a packet: it arrives at a virtual time, or it is dropped. */
export type Decision = { kind: "deliver"; at: number } | { kind: "drop"; reason: string };

/** Latency settings of the network (ms of virtual time). */
export interface LatencyOptions {
  /** One-way latency between different hosts. Default 0. */
  latency?: number;
  /** One-way latency between a host and itself (loopback). Default 0. */
  loopbackLatency?: number;
}

/**
 * Decides when each packet arrives. The foundation models fixed one-way
 * latency (separately for loopback and between hosts, and per ordered host
 * pair); richer conditions plug in here.
 */
export class LinkModel {
  latency = 0;
  loopbackLatency = 0;
  private readonly perLink = new Map<string, number>();

  constructor(readonly rng: Rng) {}

  /** Sets the one-way latency from host `a` to host `b` (by name). */
  setLinkLatency(a: string, b: string, ms: number): void {
    this.perLink.set(`${a}>${b}`, ms);
  }

  latencyFor(p: Packet): number {
    const to = p.to!;
    const own = this.perLink.get(`${p.from.name}>${to.name}`);
    if (own !== undefined) return own;
    return p.from === to ? this.loopbackLatency : this.latency;
  }

  decide(p: Packet, now: number): Decision {
    return { kind: "deliver", at: now + this.latencyFor(p) };
  }
}
