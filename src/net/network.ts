import type { ByteString } from "../core/bytes.js";
import type { Rng } from "../core/rng.js";
import type { ScheduledEvent, Scheduler } from "../core/scheduler.js";
import { traceShape, type Trace, type TraceKey, type TraceShape } from "../core/trace.js";
import { ANY_ADDRESS, endpoint, isLoopback } from "./address.js";
import { Dns } from "./dns.js";
import { PENDING_BITS, visitsEveryHost, type GuiPending } from "./gui-thread.js";
import { Host } from "./host.js";
import type { Packet, PacketKind } from "./packet.js";
import { TcpEnd, type TcpEndPlace } from "./tcp-end.js";
import type { UdpEndpoint } from "./udp-endpoint.js";
import { LinkModel, type Decision } from "./link-model.js";
import { viewOf, type InFlightEntry } from "./rule.js";
import { cutAt, policyOffsets, validOffsets } from "./stream-cut.js";
import { emptyArray } from "../core/site-free.js";

// The TCP events of every connection and segment, recorded as rows (see Trace.row).
const TCP_CONNECT = traceShape("tcp.connect", ["conn", "from", "to"]);
const TCP_ACCEPT = traceShape("tcp.accept", ["conn", "from", "to"]);
const TCP_ESTABLISHED = traceShape("tcp.established", ["conn", "from", "to"]);
// A segment's send and delivery name the same host, connection and endpoints every time: one key per end (TcpEnd.sentKey) serves both.
// From the second send of an end or of its peer on, the keys are made and the rows use them; a connection that
// sends once (most of a scale or churn run) makes no key and records plain rows. Both read back the same.
const TCP_SEND_KEYED = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true, keyed: 3 });
/** A delivery's row keyed by the receiving end's own key (its endpoints the other way round: see makeKeys). */
const TCP_DELIVER_KEYED = traceShape("tcp.deliver", ["conn", "from", "to"], { payload: true, keyed: 3, keyOrder: [1, 3, 2] });
const TCP_SEND = traceShape("tcp.send", ["conn", "from", "to", "send"], { payload: true });
const TCP_DELIVER = traceShape("tcp.deliver", ["conn", "from", "to"], { payload: true });
const TCP_FIN_ARRIVED = traceShape("tcp.fin-arrived", ["conn", "at", "peer"]);
const TCP_RESET_ARRIVED = traceShape("tcp.reset-arrived", ["conn", "at", "peer"]);
const UDP_SEND = traceShape("udp.send", ["from", "to"], { payload: true });
const UDP_DELIVER = traceShape("udp.deliver", ["from", "to"], { payload: true });
/** The events of an end that stops on its own side, by kind (`why` is left out when not given; a vanish has none). */
const SHUT: Readonly<Record<string, TraceShape>> = {
  "tcp.close": traceShape("tcp.close", ["conn", "from", "to", "why"]),
  "tcp.reset": traceShape("tcp.reset", ["conn", "from", "to", "why"]),
  "tcp.vanish": traceShape("tcp.vanish", ["conn", "from", "to"]),
};

/**
 * A live connection's two ends. A class, not an object literal: V8 may decide
 * that an object literal's allocation site makes long-lived objects (as in a
 * world of 100,000 connections) and from then on allocate every object of
 * that site in the old generation, where a short-lived world's record would
 * keep both its ends, and through them the whole world, alive across
 * scavenges (see docs/performance.md, nineteenth round). V8 makes no such
 * decision for a class's instances.
 */
export class ConnectionEnds {
  constructor(
    readonly client: TcpEnd,
    readonly server: TcpEnd,
  ) {}
}

/** Outcome of a TCP connection attempt. */
export type ConnectResult = { ok: true; end: TcpEnd } | { ok: false; reason: "refused" };

/** A TCP connection attempt in progress. */
export interface ConnectAttempt {
  /** The client gave up (timeout): a late SYN-ACK is answered with a reset. */
  abandon(): void;
}

/** Who waits for a TCP handshake: told once, on the client side, when the SYN-ACK or a refusing RST arrives. */
export interface ConnectWaiter {
  /**
   * Makes the connecting end of the connection at `place` when the SYN
   * reaches a listener (as `TcpListener.makeEnd` does for the
   * accepting end): a subclass that carries the client's own state, so that
   * state and the end are one object. Made even if the client gives up
   * before the SYN-ACK comes (the late connection is then reset). Without
   * it, the end is a plain TcpEnd.
   */
  makeEnd?(...place: TcpEndPlace): TcpEnd;
  connected(r: ConnectResult): void;
}

/**
 * Where a packet goes when it arrives, and whether its sender still exists
 * (asked before each retransmission). One object serves many packets (all
 * data segments share one; a handshake is one for its SYN, SYN-ACK and
 * refusing RST): no closure per packet or per connection.
 */
interface Receiver {
  arrive(p: WirePacket): void;
  live(p: WirePacket): boolean;
}

/** A receiver for rare paths that have a function at hand; never gives up retransmitting on its own. */
function receiver(arrive: (p: WirePacket) => void): Receiver {
  return new PacketReceiver(arrive, alwaysLive);
}
function alwaysLive(): boolean {
  return true;
}

/** Data held in a sender's buffer until it yields (see `Network.corkPiece`; a class instance, as {@link ConnectionEnds}). */
class Cork {
  constructor(
    readonly data: ByteString,
    readonly merge: boolean,
    readonly cancel: () => void,
  ) {}
}

/** A {@link Receiver} of two functions (a class instance, as {@link ConnectionEnds}). */
class PacketReceiver implements Receiver {
  constructor(
    readonly arrive: (p: WirePacket) => void,
    readonly live: (p: WirePacket) => boolean,
  ) {}
}

/**
 * TCP retransmission: a lost segment (dropped by a fault, or sent to a host
 * that is down) is sent again after a retransmission timeout that doubles on
 * every try, until the retries run out and the sender's connection times out.
 */
export interface TcpRetransmission {
  /** First retransmission timeout of data, FIN and SYN-ACK segments (ms). Default 200. */
  rto: number;
  /** First retransmission timeout of a SYN (ms). Default 1000. */
  synRto: number;
  /** Largest timeout between two tries (ms). Default 120,000. */
  maxRto: number;
  /** Retransmissions of a data segment before the connection times out. Default 15. */
  retries: number;
  /** Retransmissions of a SYN before the attempt is given up. Default 6. */
  synRetries: number;
}

/**
 * Looks at each TCP send before it is cut into segments; may shorten it and
 * name what happens right after the shortened bytes left (a reset, a close).
 */
export type SendTap = (end: TcpEnd, data: ByteString, send: number) => { data: ByteString; after: () => void } | undefined;

interface Flight {
  p: WirePacket;
  state: "wire" | "held" | "retransmit";
  at: number | undefined;
}

/**
 * A packet, and the scheduled event of its arrival while it is on the wire,
 * in one object (no flight object or closure per packet). It is on the wire
 * at most once at a time: a retransmission or a release puts the same
 * packet on the wire again after its previous flight ended; a duplicate is
 * a {@link copy}.
 */
class WirePacket implements Packet, ScheduledEvent {
  // Scheduler fields (set by Scheduler.add, reset by onWire for each flight).
  time = 0;
  seq = 0;
  cancelled = false;
  ran = false;
  /** Set on the packet's way: TCP connection number (also on a SYN), stream position, retransmissions, merge hint. */
  conn: number | undefined = undefined;
  streamSeq: number | undefined = undefined;
  attempt: number | undefined = undefined;
  merge: boolean | undefined = undefined;
  /** Where it arrives, and the host it goes to as when it was put on the wire (set by onWire). */
  rx: Receiver | undefined = undefined;
  flightTo: Host | undefined = undefined;

  constructor(
    private readonly net: Network,
    readonly id: number,
    readonly kind: PacketKind,
    readonly proto: "tcp" | "udp",
    readonly from: Host,
    readonly fromAddr: string,
    readonly fromPort: number,
    public to: Host | undefined,
    readonly toAddr: string,
    readonly toPort: number,
    readonly data: ByteString | undefined,
    readonly end: TcpEnd | undefined,
    readonly sentAt: number,
  ) {}

  run(): void {
    this.net.landed(this);
  }

  /** The same packet under another number (a duplicate made by the link), not on the wire. */
  copy(id: number): WirePacket {
    const c = new WirePacket(this.net, id, this.kind, this.proto, this.from, this.fromAddr, this.fromPort, this.to, this.toAddr, this.toPort, this.data, this.end, this.sentAt);
    c.conn = this.conn;
    c.streamSeq = this.streamSeq;
    c.attempt = this.attempt;
    c.merge = this.merge;
    return c;
  }
}

interface Held {
  p: WirePacket;
  rule: number;
  rx: Receiver;
}

/**
 * A TCP handshake in flight: the receiver of its SYN, its SYN-ACK and a
 * refusing RST, and the {@link ConnectAttempt} the client holds (one object
 * per connection attempt instead of a closure per packet).
 */
class Handshake implements Receiver, ConnectAttempt {
  abandoned = false;
  serverEnd: TcpEnd | undefined = undefined;
  clientEnd: TcpEnd | undefined = undefined;
  constructor(
    private readonly net: Network,
    readonly conn: number,
    readonly from: Host,
    readonly fromAddr: string,
    readonly localPort: number,
    readonly toAddr: string,
    readonly toPort: number,
    /** "fromAddr:localPort" and "toAddr:toPort", made once: every event of the connection names them. */
    readonly fromText: string,
    readonly toText: string,
    readonly waiter: ConnectWaiter,
  ) {}

  abandon(): void {
    this.abandoned = true;
  }

  arrive(p: WirePacket): void {
    if (p.kind === "syn") this.net.synArrived(this, p);
    else if (p.kind === "syn-ack") this.net.synAckArrived(this);
    else this.net.refusalArrived(this);
  }

  /** A SYN is sent again while the client waits; a SYN-ACK while the server end exists. */
  live(p: WirePacket): boolean {
    if (p.kind === "syn") return !this.abandoned;
    if (p.kind === "syn-ack") return this.serverEnd!.stream?.gone === undefined;
    return true;
  }
}

const EPHEMERAL_MIN = 49152;
const EPHEMERAL_MAX = 65535;

/**
 * The simulated network: hosts, names, ports, TCP streams and UDP datagrams,
 * all on the simulation's virtual time. Packets travel through the
 * {@link LinkModel}, which decides when (or whether) each one arrives.
 */
export class Network {
  readonly dns = new Dns();
  readonly hosts = new Map<string, Host>();
  /** The same hosts in the order they were added, for loops that run at every event (a Map's iterator is an object each time). */
  readonly hostList: Host[] = emptyArray();
  /** Which hosts' GUI threads have queued work (bit i: `hostList[i]`; see GuiPending). */
  readonly guiPending: GuiPending = { mask: 0, all: true };
  private readonly byAddress = new Map<string, Host>();
  readonly links: LinkModel;
  private packetCount = 0;
  private connCount = 0;
  /** Live TCP connections by number (both ends), for faults that target a connection. */
  readonly connections = new Map<number, ConnectionEnds>();
  /** TCP retransmission settings. */
  readonly retransmission: TcpRetransmission = { rto: 200, synRto: 1000, maxRto: 120_000, retries: 15, synRetries: 6 };
  /** Send taps (connection faults), consulted in order; the first answer wins. */
  readonly sendTaps: SendTap[] = emptyArray();
  /** Packets held by a rule or waiting for retransmission, by number (those on the wire are in the scheduler's queue). */
  private readonly flights = new Map<number, Flight>();
  private held: Held[] = emptyArray();

  constructor(
    private readonly scheduler: Scheduler,
    readonly now: () => number,
    private readonly rng: Rng,
    private readonly trace: Trace,
  ) {
    this.links = new LinkModel(rng);
  }

  addHost(name: string, address: string): Host {
    const index = this.hostList.length;
    this.guiPending.all = visitsEveryHost(index + 1);
    const host = new Host(name, address, this.guiPending, index < PENDING_BITS ? 1 << index : 0);
    this.hosts.set(name, host);
    this.hostList.push(host);
    this.byAddress.set(address, host);
    return host;
  }

  /** The host that owns `addr` as seen from `from` (loopback means `from` itself). */
  hostAt(addr: string, from: Host): Host | undefined {
    if (isLoopback(addr)) return from;
    return this.byAddress.get(addr);
  }

  // ---------------------------------------------------------------- ports

  /** Draws a free client port for `host` from the seeded generator. */
  allocatePort(host: Host, proto: "tcp" | "udp"): number | undefined {
    const tcp = proto === "tcp";
    const used = tcp ? host.clientTcpPorts : host.clientUdpPorts;
    const bound = tcp ? host.tcpPorts : host.udpPorts;
    let port: number | undefined;
    for (let i = 0; i < 32 && port === undefined; i++) {
      const p = this.rng.int(EPHEMERAL_MIN, EPHEMERAL_MAX);
      if (!used.has(p) && !bound.has(p)) port = p;
    }
    if (port === undefined) {
      for (let p = EPHEMERAL_MIN; p <= EPHEMERAL_MAX; p++) {
        if (!used.has(p) && !bound.has(p)) {
          port = p;
          break;
        }
      }
    }
    if (port !== undefined) used.add(port);
    return port;
  }

  releasePort(host: Host, proto: "tcp" | "udp", port: number): void {
    (proto === "tcp" ? host.clientTcpPorts : host.clientUdpPorts).delete(port);
  }

  // ---------------------------------------------------------------- packets

  /**
   * A new packet to `toAddr:toPort` on host `to` (the host that owns that
   * address as `from` sees it: {@link hostAt}, which a caller that knows the
   * host, as for every packet of an established connection, does not ask).
   */
  private packet(
    kind: PacketKind,
    proto: "tcp" | "udp",
    from: Host,
    fromAddr: string,
    fromPort: number,
    to: Host | undefined,
    toAddr: string,
    toPort: number,
    data?: ByteString,
    end?: TcpEnd,
  ): WirePacket {
    return new WirePacket(this, ++this.packetCount, kind, proto, from, fromAddr, fromPort, to, toAddr, toPort, data, end, this.now());
  }

  /**
   * Sends a packet through the link model; `rx.arrive(p)` runs on arrival. A
   * lost TCP packet is retransmitted while `rx.live(p)` holds (see {@link TcpRetransmission}).
   */
  private transmit(p: WirePacket, rx: Receiver, skipRules = false): void {
    const to = p.to;
    if (!p.from.up) return this.dropped(p, "sender down");
    if (!to) return this.dropped(p, "no route to host");
    const plain = this.links.plainArrival(p, this.now(), skipRules);
    // No rule and no link condition: the packet goes on the wire at the default latency.
    if (plain === plain) return this.onWire(p, plain, rx);
    const d: Decision = this.links.decide(p, this.now(), skipRules);
    if (d.kind === "drop") {
      this.dropped(p, d.reason);
      return this.lost(p, rx);
    }
    if (d.kind === "hold") {
      this.held.push({ p, rule: d.rule, rx });
      this.flights.set(p.id, { p, state: "held", at: undefined });
      this.trace.record("packet.hold", p.from.name, { ...this.describe(p), reason: d.reason });
      return;
    }
    if (d.delayed) {
      this.trace.record("packet.delay", p.from.name, { ...this.describe(p), ms: d.delayed.ms, reason: d.delayed.reason });
    }
    this.onWire(p, d.at, rx);
    if (d.duplicateAt !== undefined) {
      const copy = p.copy(++this.packetCount);
      this.trace.record("packet.duplicate", p.from.name, { ...this.describe(p), copy: copy.id });
      this.onWire(copy, d.duplicateAt, rx);
    }
  }

  private onWire(p: WirePacket, at: number, rx: Receiver): void {
    const to = p.to!;
    if (p.end && p.proto === "tcp") {
      // A TCP stream never reorders: a segment arrives no earlier than the previous one.
      at = Math.max(at, p.end.lastArrival);
      p.end.lastArrival = at;
    }
    p.rx = rx;
    p.flightTo = to;
    p.cancelled = false;
    p.ran = false;
    // Listed by inFlight() from the scheduler's queue: no entry in `flights` (a Map write and delete per packet).
    this.scheduler.add(p, at);
  }

  /** A packet's flight ended: it reaches its host, or is lost if that host is down. @internal */
  landed(p: WirePacket): void {
    const rx = p.rx!;
    if (!p.flightTo!.up) {
      this.dropped(p, "receiver down");
      return this.lost(p, rx);
    }
    rx.arrive(p);
  }

  /** A TCP packet was lost: schedule its retransmission, or give up. RSTs and UDP are never resent. */
  private lost(p: WirePacket, rx: Receiver): void {
    if (p.proto !== "tcp" || p.kind === "rst" || !rx.live(p)) return;
    const r = this.retransmission;
    const syn = p.kind === "syn";
    const attempt = (p.attempt ?? 0) + 1;
    const at = this.now() + Math.min(r.maxRto, (syn ? r.synRto : r.rto) * 2 ** (attempt - 1));
    if (attempt > (syn ? r.synRetries : r.retries)) {
      // The last try is given its timeout too before the sender gives up.
      this.scheduler.schedule(at, () => {
        if (rx.live(p)) this.giveUp(p);
      });
      return;
    }
    const flight: Flight = { p, state: "retransmit", at };
    this.flights.set(p.id, flight);
    this.scheduler.schedule(at, () => {
      if (this.flights.get(p.id) === flight) this.flights.delete(p.id);
      if (!rx.live(p)) return;
      p.attempt = attempt;
      this.trace.record("tcp.retransmit", p.from.name, { ...this.describe(p), attempt });
      this.transmit(p, rx);
    });
  }

  /** Retransmissions ran out: the sending end's connection times out (a SYN just stops). */
  private giveUp(p: WirePacket): void {
    const end = p.end;
    this.trace.record("tcp.give-up", p.from.name, { ...this.describe(p), attempts: (p.attempt ?? 0) + 1 });
    if (!end) return;
    end.makeStream().gone = "aborted";
    if (end.peerClosed) return;
    end.peerClosed = true;
    end.peerReset = true;
    this.trace.record("tcp.timeout", end.host.name, {
      conn: end.conn,
      at: end.localEndpoint,
      peer: end.peerEndpoint,
    });
    if (!end.closedLocal) end.onPeerClose(true);
  }

  /** Short description of a packet for trace events. */
  private describe(p: WirePacket): Record<string, string | number> {
    const conn = p.conn ?? p.end?.conn;
    return {
      id: p.id,
      proto: p.proto,
      packet: p.kind,
      ...(conn !== undefined ? { conn } : {}),
      from: endpoint(p.fromAddr, p.fromPort),
      to: endpoint(p.toAddr, p.toPort),
      ...(p.data !== undefined ? { bytes: p.data.length } : {}),
    };
  }

  /** Every packet on the wire, held, or waiting for retransmission, by packet number. */
  inFlight(): InFlightEntry[] {
    const all: Flight[] = [...this.flights.values()];
    this.scheduler.forEachPending((ev) => {
      if (ev instanceof WirePacket) all.push({ p: ev, state: "wire", at: ev.time });
    });
    return all
      .sort((a, b) => a.p.id - b.p.id)
      .map((f) => ({ ...viewOf(f.p), state: f.state, arrivesAt: f.at }));
  }

  /**
   * Sends held packets on (those held by rule `rule`, or all): they travel
   * the link from now on, without being shown to the rules again. Returns how many.
   */
  release(rule?: number): number {
    const out = this.held.filter((h) => rule === undefined || h.rule === rule);
    if (out.length === 0) return 0;
    this.held = this.held.filter((h) => !out.includes(h));
    for (const h of out) {
      this.flights.delete(h.p.id);
      this.trace.record("packet.release", h.p.from.name, this.describe(h.p));
      if (!h.rx.live(h.p)) continue;
      this.transmit(h.p, h.rx, true);
    }
    return out.length;
  }

  /** Runs `fn(p)` for a sequenced segment in stream order (buffering segments that arrive early). */
  private inOrder(p: WirePacket, fn: (p: WirePacket) => void): void {
    const rx = p.end!.peer;
    const seq = p.streamSeq!;
    if (seq < rx.expectSeq) return;
    if (seq > rx.expectSeq) {
      rx.makeStream().early.set(seq, () => fn(p));
      return;
    }
    fn(p);
    rx.expectSeq++;
    // Segments that arrived early exist only in an end's StreamState (an in-order stream, the usual case, has none).
    for (let next = rx.stream?.takeEarly(rx.expectSeq); next; next = rx.stream?.takeEarly(rx.expectSeq)) {
      next();
      rx.expectSeq++;
    }
  }

  /**
   * A segment reached an end that no longer exists: a crashed (and
   * restarted) host answers with a reset; a vanished end (half-open) loses
   * it. Returns true if the segment was handled here.
   */
  private stale(p: WirePacket, rx: Receiver): boolean {
    const end = p.end!;
    const gone = end.peer.stream?.gone;
    if (gone === "crashed") {
      this.trace.record("tcp.stale", end.peer.host.name, { ...this.describe(p), reason: "no such connection after restart" });
      const rst = this.packet("rst", "tcp", end.peer.host, end.peerAddr, end.peerPort, end.host, end.localAddr, end.localPort);
      rst.conn = end.conn;
      this.transmit(rst, receiver(() => this.peerGone(end, true)));
      return true;
    }
    if (gone === "vanished") {
      this.dropped(p, "peer vanished");
      this.lost(p, rx);
      return true;
    }
    return false;
  }

  /** Crashes a host: it stops sending and receiving; its TCP ends vanish without a word. */
  crashHost(host: Host): void {
    host.up = false;
    for (const { client, server } of [...this.connections.values()]) {
      for (const end of [client, server]) {
        if (end.host !== host) continue;
        const st = end.makeStream();
        st.cork?.cancel();
        st.cork = undefined;
        st.gone = "crashed";
        end.closedLocal = true;
        end.peerClosed = true;
        end.peerReset = true;
      }
    }
    host.clientTcpPorts.clear();
    host.clientUdpPorts.clear();
  }

  /** Half-open: `end` disappears without FIN or RST; what its peer sends is lost. */
  vanish(end: TcpEnd): void {
    const st = end.makeStream();
    st.cork?.cancel();
    st.cork = undefined;
    st.gone = "vanished";
    this.shutLocal(end, "tcp.vanish");
  }

  /** `end` stops on its own side: traced as `kind`, and a client end gives its port back. */
  private shutLocal(end: TcpEnd, kind: "tcp.close" | "tcp.reset" | "tcp.vanish", why?: string): void {
    end.closedLocal = true;
    this.trace.row(SHUT[kind]!, end.host.name, end.conn, end.localEndpoint, end.peerEndpoint, why);
    if (end.side === "client") this.releasePort(end.host, "tcp", end.localPort);
  }

  private dropped(p: WirePacket, reason: string): void {
    const conn = p.conn ?? p.end?.conn;
    this.trace.record("drop", p.from.name, {
      proto: p.proto,
      packet: p.kind,
      ...(conn !== undefined ? { conn } : {}),
      from: endpoint(p.fromAddr, p.fromPort),
      to: endpoint(p.toAddr, p.toPort),
      reason,
      ...(p.data !== undefined ? this.trace.payload(p.data) : {}),
    });
  }

  // ---------------------------------------------------------------- TCP

  /**
   * Starts a TCP handshake from `from` (using local port `localPort`) to
   * `toAddr:toPort`. `waiter` is told on the client side when the SYN-ACK or
   * a refusing RST arrives. Without an answer, it is never told (the caller
   * times out).
   */
  connect(from: Host, localPort: number, toAddr: string, toPort: number, waiter: ConnectWaiter): ConnectAttempt {
    const fromAddr = from.sourceFor(toAddr);
    const conn = ++this.connCount;
    // Both endpoints are named by every event of the connection: made once (the server's, once for many connections).
    const fromText = endpoint(fromAddr, localPort);
    const toText = this.trace.endpoint(toAddr, toPort);
    this.trace.row(TCP_CONNECT, from.name, conn, fromText, toText);
    const h = new Handshake(this, conn, from, fromAddr, localPort, toAddr, toPort, fromText, toText, waiter);
    const syn = this.packet("syn", "tcp", from, fromAddr, localPort, this.hostAt(toAddr, from), toAddr, toPort);
    syn.conn = conn;
    this.transmit(syn, h);
    return h;
  }

  /** A handshake's SYN reached its host: refused (RST back), or both ends made and the SYN-ACK sent. @internal */
  synArrived(h: Handshake, p: WirePacket): void {
    const server = p.to!;
    const { conn, from, fromAddr, localPort, toAddr, toPort, fromText, toText } = h;
    const listener = server.tcpPorts.get(toPort);
    if (!listener || !answers(listener.bindAddress, toAddr)) {
      this.trace.record("tcp.refuse", server.name, { conn, from: fromText, to: toText });
      const rst = this.packet("rst", "tcp", server, toAddr, toPort, from, fromAddr, localPort);
      rst.conn = conn;
      this.transmit(rst, h);
      return;
    }
    const serverEnd =
      listener.makeEnd?.(conn, server, toAddr, toPort, toText) ?? new TcpEnd(conn, "server", server, toAddr, toPort, toText);
    const clientEnd =
      h.waiter.makeEnd?.(conn, from, fromAddr, localPort, fromText) ?? new TcpEnd(conn, "client", from, fromAddr, localPort, fromText);
    serverEnd.peer = clientEnd;
    clientEnd.peer = serverEnd;
    serverEnd.lastArrival = clientEnd.lastArrival = this.now();
    h.serverEnd = serverEnd;
    h.clientEnd = clientEnd;
    this.connections.set(conn, new ConnectionEnds(clientEnd, serverEnd));
    this.trace.row(TCP_ACCEPT, server.name, conn, fromText, toText);
    listener.onConnection(serverEnd);
    const synAck = this.packet("syn-ack", "tcp", server, toAddr, toPort, from, fromAddr, localPort, undefined, serverEnd);
    this.transmit(synAck, h);
  }

  /** A handshake's SYN-ACK reached the client: the connection is established (or refused, if the client gave up). @internal */
  synAckArrived(h: Handshake): void {
    const clientEnd = h.clientEnd!;
    if (clientEnd.stream?.gone !== undefined) return;
    if (h.abandoned) {
      // The client gave up before the answer came: refuse the late connection.
      clientEnd.closedLocal = true;
      this.reset(clientEnd, "connect abandoned");
      return;
    }
    this.trace.row(TCP_ESTABLISHED, h.from.name, h.conn, h.fromText, h.toText);
    h.waiter.connected({ ok: true, end: clientEnd });
  }

  /** A handshake's refusing RST reached the client. @internal */
  refusalArrived(h: Handshake): void {
    if (h.abandoned) return;
    this.trace.record("tcp.refused", h.from.name, { conn: h.conn, from: h.fromText, to: h.toText });
    h.waiter.connected({ ok: false, reason: "refused" });
  }

  /**
   * Queues bytes on the stream from `end` to its peer. Stream cutting (plans
   * and the link's policy) may split them into several segments, or hold
   * the last piece back to merge it with the next send.
   */
  sendData(end: TcpEnd, data: ByteString): void {
    const index = end.sends++;
    end.bytesSent += data.length;
    const trace = this.trace;
    if (index === 0) trace.row(TCP_SEND, end.host.name, end.conn, end.localEndpoint, end.peerEndpoint, index, data);
    else trace.keyedRow(TCP_SEND_KEYED, end.sentKey ?? makeKeys(end), index, data);
    let after: (() => void) | undefined;
    for (const tap of this.sendTaps) {
      const r = tap(end, data, index);
      if (r) {
        data = r.data;
        after = r.after;
        break;
      }
    }
    const links = this.links;
    // No StreamState: nothing is held back and no merge is pending (a first send makes none).
    const held = end.stream;
    if (after === undefined && (held === undefined || (!held.mergeNext && held.cork === undefined)) && links.plain) {
      // No cutting can apply (no link condition, no plan, nothing held back): one segment, as the general path makes.
      this.segment(end, data, false);
      return;
    }
    const st = end.makeStream();
    const policy = links.streamCutFor(end.host.name, end.peer.host.name);
    const planned = links.plans.size ? links.plans.splits(end.conn, end.side, index) : undefined;
    const offsets = planned ? validOffsets(planned, data.length) : policyOffsets(policy?.split, data.length, links.rng);
    const pieces = cutAt(data, offsets);
    if (pieces.length > 1) {
      this.trace.record("tcp.split", end.host.name, {
        conn: end.conn,
        from: end.localEndpoint,
        send: index,
        pieces: pieces.map((x) => x.length).join("+"),
      });
    }
    const mergeThis = index > 0 && (st.mergeNext || (links.plans.size > 0 && links.plans.merges(end.conn, end.side, index)));
    const merge = policy?.merge;
    st.mergeNext =
      (links.plans.size > 0 && links.plans.merges(end.conn, end.side, index + 1)) ||
      (typeof merge === "object" && links.rng.chance(merge.probability));
    const queued = merge === "queued";
    let first = mergeThis || queued;
    if (st.cork) {
      // The previous send's last piece waited in the sender's buffer: one segment for both.
      pieces[0] = st.cork.data + pieces[0]!;
      first = st.cork.merge || queued;
      st.cork.cancel();
      st.cork = undefined;
      this.trace.record("tcp.merge", end.host.name, {
        conn: end.conn,
        from: end.localEndpoint,
        send: index,
        into: index - 1,
      });
    }
    const cork = st.mergeNext && after === undefined;
    for (let i = 0; i < pieces.length; i++) {
      const mergeHint = i === 0 ? first : queued;
      if (cork && i === pieces.length - 1) {
        this.corkPiece(end, pieces[i]!, mergeHint);
        break;
      }
      this.segment(end, pieces[i]!, mergeHint);
    }
    after?.();
  }

  /** Holds `data` in the sender's buffer until the next send, or until the sender yields. */
  private corkPiece(end: TcpEnd, data: ByteString, merge: boolean): void {
    const st = end.makeStream();
    const ev = this.scheduler.schedule(this.now(), () => {
      if (st.cork !== c) return;
      st.cork = undefined;
      this.segment(end, c.data, c.merge);
    });
    const c = new Cork(data, merge, () => this.scheduler.cancel(ev));
    st.cork = c;
  }

  /** Sends out bytes held back for a merge (before a FIN). */
  private flushCork(end: TcpEnd): void {
    const st = end.stream;
    const c = st?.cork;
    if (st === undefined || !c) return;
    c.cancel();
    st.cork = undefined;
    this.segment(end, c.data, c.merge);
  }

  /** Transmits one data segment. */
  private segment(end: TcpEnd, data: ByteString, merge: boolean): void {
    const peer = end.peer;
    const p = this.packet("data", "tcp", end.host, end.localAddr, end.localPort, peer.host, peer.localAddr, peer.localPort, data, end);
    p.streamSeq = end.nextSeq++;
    if (merge) p.merge = true;
    // One receiver for every data segment: no closure per segment or per stream.
    this.transmit(p, this.dataRx);
  }

  /** Whether a data segment's or FIN's sender still exists: its stream is not gone (asked before a retransmission). */
  private readonly streamLive = (pk: WirePacket): boolean => pk.end!.stream?.gone === undefined;

  /** Where every data segment arrives. */
  private readonly dataRx: Receiver = new PacketReceiver((pk) => {
    if (this.stale(pk, this.dataRx)) return;
    this.inOrder(pk, this.deliverData);
  }, this.streamLive);

  /** Hands a data segment, in stream order, to the receiving end. */
  private readonly deliverData = (pk: WirePacket): void => {
    const end = pk.end!;
    const data = pk.data!;
    const peer = end.peer;
    if (peer.closedLocal || peer.peerReset) {
      this.dropped(pk, peer.closedLocal ? "connection closed by receiver" : "connection reset");
      return;
    }
    const key = peer.sentKey;
    if (key === undefined) this.trace.row(TCP_DELIVER, peer.host.name, end.conn, end.localEndpoint, peer.localEndpoint, data);
    else this.trace.keyedRow(TCP_DELIVER_KEYED, key, data);
    peer.onData(data, pk.merge === true);
  };

  /** Orderly close from `end`: the peer learns it after the bytes already sent. */
  close(end: TcpEnd, why = "close"): void {
    this.flushCork(end);
    this.shutLocal(end, "tcp.close", why);
    if (end.peerClosed) return this.forget(end);
    const p = this.packet("fin", "tcp", end.host, end.localAddr, end.localPort, end.peer.host, end.peerAddr, end.peerPort, undefined, end);
    p.streamSeq = end.nextSeq++;
    this.transmit(p, this.finRx);
  }

  /** Where every FIN arrives: in stream order, after the data sent before it. */
  private readonly finRx: Receiver = new PacketReceiver((pk) => {
    if (this.stale(pk, this.finRx)) return;
    this.inOrder(pk, this.finInOrder);
  }, this.streamLive);

  /** A FIN's turn in its stream came: the receiving end learns the peer closed. */
  private readonly finInOrder = (pk: WirePacket): void => this.peerGone(pk.end!.peer, false);

  /** Where every reset of an open connection arrives (a reset is never sent again). */
  private readonly rstRx: Receiver = receiver((pk) => this.peerGone(pk.end!.peer, true));

  /** Abortive close from `end`: unsent bytes are discarded and the peer sees a reset. */
  reset(end: TcpEnd, why = "reset"): void {
    const st = end.makeStream();
    st.cork?.cancel();
    st.cork = undefined;
    st.gone = "aborted";
    this.shutLocal(end, "tcp.reset", why);
    if (end.peerClosed) return this.forget(end);
    const p = this.packet("rst", "tcp", end.host, end.localAddr, end.localPort, end.peer.host, end.peerAddr, end.peerPort, undefined, end);
    this.transmit(p, this.rstRx);
  }

  private peerGone(end: TcpEnd, reset: boolean): void {
    if (end.peerClosed) return;
    end.peerClosed = true;
    end.peerReset = reset;
    if (reset) end.stream?.clearEarly();
    this.trace.row(reset ? TCP_RESET_ARRIVED : TCP_FIN_ARRIVED, end.host.name, end.conn, end.localEndpoint, end.peerEndpoint);
    this.forget(end);
    if (end.closedLocal) return;
    end.onPeerClose(reset);
  }

  /** Drops a connection from the registry once neither end can carry anything. */
  private forget(end: TcpEnd): void {
    const c = this.connections.get(end.conn);
    if (c && c.client.closedLocal && c.client.peerClosed && c.server.closedLocal && c.server.peerClosed) {
      this.connections.delete(end.conn);
    }
  }

  // ---------------------------------------------------------------- UDP

  /** Where every datagram arrives (everything it needs is in the packet: no closure per datagram). */
  private readonly datagramRx: Receiver = receiver((pk) => {
    const host = pk.to!;
    const { toAddr, toPort } = pk;
    const ep: UdpEndpoint | undefined = host.udpPorts.get(toPort);
    if (!ep || !answers(ep.bindAddress, toAddr)) {
      this.dropped(pk, "no listener");
      return;
    }
    const trace = this.trace;
    const data = pk.data!;
    if (trace.enabled) trace.row(UDP_DELIVER, host.name, trace.endpoint(pk.fromAddr, pk.fromPort), trace.endpoint(toAddr, toPort), data);
    ep.onDatagram(data, pk.fromAddr, pk.fromPort);
  });

  /** Sends one datagram; it arrives whole or not at all. */
  sendDatagram(from: Host, fromAddr: string, fromPort: number, toAddr: string, toPort: number, data: ByteString): void {
    const trace = this.trace;
    const fromText = trace.endpoint(fromAddr, fromPort);
    const toText = trace.endpoint(toAddr, toPort);
    trace.row(UDP_SEND, from.name, fromText, toText, data);
    const p = this.packet("datagram", "udp", from, fromAddr, fromPort, this.hostAt(toAddr, from), toAddr, toPort, data);
    this.transmit(p, this.datagramRx);
  }
}

/**
 * Whether a listener bound to `bindAddress` answers a packet sent to
 * `toAddr`: bound to any address, to that one, or both on loopback (TCP and
 * UDP alike).
 */
function answers(bindAddress: string, toAddr: string): boolean {
  return bindAddress === ANY_ADDRESS || bindAddress === toAddr || (isLoopback(toAddr) && isLoopback(bindAddress));
}

/**
 * Makes `end`'s trace key (see {@link TcpEnd.sentKey}), and its peer's if it
 * has none yet (the rows of what `end` sends name it when they arrive);
 * returns `end`'s.
 */
function makeKeys(end: TcpEnd): TraceKey {
  const peer = end.peer;
  peer.sentKey ??= [peer.host.name, end.conn, peer.localEndpoint, end.localEndpoint];
  return (end.sentKey = [end.host.name, end.conn, end.localEndpoint, peer.localEndpoint]);
}
