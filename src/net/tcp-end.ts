import type { ByteString } from "../core/bytes.js";
import { endpoint } from "./address.js";
import type { Host } from "./host.js";
import type { TraceKey } from "../core/trace.js";
import { StreamState } from "./tcp-stream.js";

/**
 * Where a new end is, as the network knows it during the handshake: the
 * arguments of the {@link TcpEnd} constructor after `side`. Where its peer
 * is, the end reads from its peer, which the network links only after both
 * ends are made: a constructor (or a `makeEnd`) must not read `peer`,
 * `peerAddr`, `peerPort`, `peerEndpoint` or anything made from them.
 */
export type TcpEndPlace = [conn: number, host: Host, localAddr: string, localPort: number, localText: string | undefined];

// The bits of TcpEnd.flags.
const CLOSED_LOCAL = 1;
const PEER_CLOSED = 2;
const PEER_RESET = 4;
const SERVER_SIDE = 8;
/** The lowest bit of TcpEnd.flags free for a subclass's own state (it and the bits above it). */
export const TCP_END_OWN_FLAG = 16;

/** `flags` with `bit` set (`on`) or cleared: the setter of every flag of an end and its subclasses. */
export function withBit(flags: number, bit: number, on: boolean): number {
  return on ? flags | bit : flags & ~bit;
}

/**
 * One end of a simulated TCP connection. What arrives goes to
 * {@link onData} and {@link onPeerClose}: a plain end drops it, a class
 * that is its own end (a server's `Connection`, a `TcpClient`) overrides
 * them.
 *
 * At 100,000 connections an echo round trip reaches each of its two ends
 * in memory not touched for a long time, and every 64-byte line of an end
 * it reads is one more wait: the end keeps no field it does not need (its
 * side and its three closed states are bits of one number, and where its
 * peer is it reads from the peer). 160 bytes for a `TcpClient`, 152 for a
 * server's `Connection`, down from 256 and 248.
 */
export class TcpEnd {
  peer!: TcpEnd;
  /** Closed, peer-closed, peer-reset and side bits; from {@link TCP_END_OWN_FLAG} on, a subclass's. */
  flags: number;
  /** Arrival time of the last segment this end sent (keeps the stream ordered). */
  lastArrival = 0;
  /** Bytes sent through this end (a fault may act after so many, see `connection-faults.ts`). */
  bytesSent = 0;
  /** Sequence number of the next data segment or FIN this end sends. */
  nextSeq = 0;
  /** Sequence number this end expects next from its peer. */
  expectSeq = 0;
  /** Number of send() calls made on this end. */
  sends = 0;
  /**
   * The trace key of this end (this host, connection, this end, the peer
   * end; see `Trace.keyedRow`), made at its second send or its peer's: the
   * rows of the segments it sends name it, and so do the rows of the
   * segments delivered to it (their endpoints the other way round). A field
   * of the end itself: a segment of a busy connection reads it here, not
   * through a second object (at 100,000 connections each object a segment
   * reads is a likely cache miss).
   */
  sentKey: TraceKey | undefined;
  /**
   * The rest of the network's stream bookkeeping of this end (faults, stream
   * cutting, early segments, a reset), made when first needed
   * ({@link makeStream}). The counters every segment uses are fields of the
   * end: a segment on a connection not used for a long time reads no second
   * object and makes none. (A field, not a side table: under faults, the
   * usual case in a property run, every segment reads it two or three
   * times; a WeakMap there cost fuzzNotifier ~5 %.)
   */
  stream: StreamState | undefined;
  /** Connection number, shared by both ends. */
  readonly conn: number;
  readonly host: Host;
  readonly localAddr: string;
  readonly localPort: number;

  constructor(
    conn: number,
    side: "client" | "server",
    host: Host,
    localAddr: string,
    localPort: number,
    /** The "addr:port" text when the caller has it already (the handshake made it): shared, not made again. */
    localText?: string,
  ) {
    this.flags = side === "server" ? SERVER_SIDE : 0;
    this.conn = conn;
    this.host = host;
    this.localAddr = localAddr;
    this.localPort = localPort;
    this.#local = localText;
  }

  /**
   * The peer's address and port, read from the peer end (the network links
   * both ends as it makes them): three fields fewer per end, and a round
   * trip reaches the peer anyway.
   */
  get peerAddr(): string {
    return this.peer.localAddr;
  }
  get peerPort(): number {
    return this.peer.localPort;
  }

  /** Which side of the connection this end is. */
  get side(): "client" | "server" {
    return (this.flags & SERVER_SIDE) !== 0 ? "server" : "client";
  }

  /** Closed by its own side (close(), server close, crash). */
  get closedLocal(): boolean {
    return (this.flags & CLOSED_LOCAL) !== 0;
  }
  set closedLocal(v: boolean) {
    this.flags = withBit(this.flags, CLOSED_LOCAL, v);
  }

  /** The peer's FIN or RST has arrived. */
  get peerClosed(): boolean {
    return (this.flags & PEER_CLOSED) !== 0;
  }
  set peerClosed(v: boolean) {
    this.flags = withBit(this.flags, PEER_CLOSED, v);
  }

  /** What arrived from the peer was a reset (RST). */
  get peerReset(): boolean {
    return (this.flags & PEER_RESET) !== 0;
  }
  set peerReset(v: boolean) {
    this.flags = withBit(this.flags, PEER_RESET, v);
  }

  /**
   * Bytes arrived, in order. `merge`: stream cutting allows these bytes to
   * join the previous socket_message of this connection if it still waits
   * for the GUI thread. A plain end has nobody to give them to: they go nowhere.
   */
  onData(_data: ByteString, _merge: boolean): void {}

  /** The peer closed (FIN) or reset (RST) the connection. A plain end tells nobody. */
  onPeerClose(_reset: boolean): void {}

  /** "localAddr:localPort", made once (every trace event of the connection names it). */
  get localEndpoint(): string {
    return (this.#local ??= endpoint(this.localAddr, this.localPort));
  }
  /** "peerAddr:peerPort": the peer's {@link localEndpoint}. */
  get peerEndpoint(): string {
    return this.peer.localEndpoint;
  }
  #local: string | undefined;

  /** {@link stream}, made if the end has none yet. */
  makeStream(): StreamState {
    return (this.stream ??= new StreamState());
  }

  /** True while both directions can still carry data from this end's view. */
  get open(): boolean {
    return !this.closedLocal && !this.peerClosed;
  }
}
