import type { ByteString } from "../core/bytes.js";
import { endpoint } from "./address.js";
import type { Packet, PacketKind } from "./packet.js";
import { emptyArray } from "../core/site-free.js";

/**
 * What a test sees of a packet in flight: plain, read-only data (no live
 * objects), so rules and assertions cannot disturb the network.
 */
export interface InFlightPacket {
  /** Packet number within the simulation (1, 2, 3, ...). */
  readonly id: number;
  readonly kind: PacketKind;
  readonly proto: "tcp" | "udp";
  /** Name of the sending host. */
  readonly from: string;
  /** Name of the receiving host, or undefined when no host owns the address. */
  readonly to: string | undefined;
  /** Source endpoint, "address:port". */
  readonly src: string;
  /** Destination endpoint, "address:port". */
  readonly dst: string;
  /** TCP connection number (the `conn` of the trace); undefined for UDP. */
  readonly conn: number | undefined;
  /** TCP: which end sent it. */
  readonly side: "client" | "server" | undefined;
  /** Payload of data segments and datagrams. */
  readonly data: ByteString | undefined;
  /** Payload length in bytes (0 for control segments). */
  readonly bytes: number;
  /** Virtual time of the first transmission. */
  readonly sentAt: number;
  /** 0 for the first transmission, n for the n-th TCP retransmission. */
  readonly attempt: number;
}

/** Where a packet is, for {@link InFlightPacket}s listed by `sim.faults.inFlight()`. */
export interface InFlightEntry extends InFlightPacket {
  /** "wire": on its way, arriving at `arrivesAt`; "held": parked by a hold fault; "retransmit": lost, resent at `arrivesAt`. */
  readonly state: "wire" | "held" | "retransmit";
  /** Arrival (wire) or retransmission (retransmit) time; undefined while held. */
  readonly arrivesAt: number | undefined;
}

/**
 * A rule's answer. `"pass"` (or `undefined`) lets the next rule decide;
 * `"drop"` / `{ drop: reason }` loses the packet (TCP retransmits it later,
 * UDP loses it for good); `{ delay: ms }` delivers it `ms` later than the
 * link would; `"hold"` parks it until released.
 */
export type Verdict = "pass" | "drop" | "hold" | { drop: string } | { delay: number } | undefined | void;

/** A fault rule: a plain function, or an object with a name for the trace. */
export type FaultRule = ((packet: InFlightPacket) => Verdict) | { readonly name: string; decide(packet: InFlightPacket): Verdict };

/** A rule's answer in normal form. */
export type RuleDecision =
  | { kind: "drop"; reason: string }
  | { kind: "delay"; ms: number; reason: string }
  | { kind: "hold"; rule: number; reason: string };

/** Removes what was installed. Calling it twice does nothing. */
export interface FaultHandle {
  remove(): void;
}

interface Installed {
  id: number;
  name: string;
  decide: (p: InFlightPacket) => Verdict;
}

/** Builds the read-only view of a packet. */
export function viewOf(p: Packet): InFlightPacket {
  return {
    id: p.id,
    kind: p.kind,
    proto: p.proto,
    from: p.from.name,
    to: p.to?.name,
    src: endpoint(p.fromAddr, p.fromPort),
    dst: endpoint(p.toAddr, p.toPort),
    conn: p.conn ?? p.end?.conn,
    side: p.end?.side ?? (p.kind === "syn" ? "client" : undefined),
    data: p.data,
    bytes: p.data?.length ?? 0,
    sentAt: p.sentAt,
    attempt: p.attempt ?? 0,
  };
}

/**
 * The ordered fault rules of a network. Every packet is shown to each rule
 * in installation order; the first answer that is not "pass" wins.
 */
export class RuleSet {
  private rules: Installed[] = emptyArray();
  private nextId = 1;

  get size(): number {
    return this.rules.length;
  }

  /** Appends a rule; `onRemove` runs once when its handle removes it. */
  install(rule: FaultRule, name?: string, onRemove?: () => void): FaultHandle & { readonly id: number } {
    const id = this.nextId++;
    const decide = typeof rule === "function" ? rule : (p: InFlightPacket) => rule.decide(p);
    const label = name ?? (typeof rule === "function" ? rule.name || `rule ${id}` : rule.name);
    this.rules.push({ id, name: label, decide });
    let removed = false;
    return {
      id,
      remove: () => {
        if (removed) return;
        removed = true;
        this.rules = this.rules.filter((r) => r.id !== id);
        onRemove?.();
      },
    };
  }

  /** First non-pass decision of the installed rules, or undefined if all pass. */
  decide(p: Packet): RuleDecision | undefined {
    if (this.rules.length === 0) return undefined;
    const view = viewOf(p);
    for (const r of this.rules) {
      const v = r.decide(view);
      if (v === undefined || v === "pass") continue;
      if (v === "drop") return { kind: "drop", reason: r.name };
      if (v === "hold") return { kind: "hold", rule: r.id, reason: r.name };
      if (typeof v === "object" && "drop" in v) return { kind: "drop", reason: `${r.name}: ${v.drop}` };
      if (typeof v === "object" && "delay" in v) {
        if (!(v.delay >= 0) || !Number.isFinite(v.delay)) {
          throw new TypeError(`fault rule "${r.name}": delay must be a finite number >= 0, got ${String(v.delay)}`);
        }
        if (v.delay === 0) continue;
        return { kind: "delay", ms: v.delay, reason: r.name };
      }
      throw new TypeError(
        `fault rule "${r.name}": answer "pass", "drop", "hold", { drop: reason } or { delay: ms }, got ${JSON.stringify(v)}`,
      );
    }
    return undefined;
  }
}
