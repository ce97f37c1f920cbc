import type { ByteString } from "../core/bytes.js";
import { endpoint } from "./address.js";
import type { Host } from "./host.js";
import type { TraceKey } from "../core/trace.js";
import type { StreamState } from "./tcp-stream.js";

/**
 * Where a new end is, as the network knows it during the handshake: the
 * arguments of the {@link TcpEnd} constructor after `side`.
 */
export type TcpEndPlace = [
  conn: number,
  host: Host,
  localAddr: string,
  localPort: number,
  peerAddr: string,
  peerPort: number,
  localText: string,
  peerText: string,
];

/** Who reacts to what arrives at one end of a TCP connection. */
export interface TcpEndOwner {
  /**
   * Bytes arrived, in order. `merge`: stream cutting allows these bytes to
   * join the previous socket_message of this connection if it still waits
   * for the GUI thread.
   */
  onData(end: TcpEnd, data: ByteString, merge?: boolean): void;
  /** The peer closed (FIN) or reset (RST) the connection. */
  onPeerClose(end: TcpEnd, reset: boolean): void;
}

/** One end of a simulated TCP connection. */
export class TcpEnd {
  peer!: TcpEnd;
  owner: TcpEndOwner | undefined;
  /** Closed by its own side (close(), server close, crash). */
  closedLocal = false;
  /** The peer's FIN or RST has arrived. */
  peerClosed = false;
  peerReset = false;
  /** Arrival time of the last segment this end sent (keeps the stream ordered). */
  lastArrival = 0;
  /** Bytes sent and received through this end (for conservation checks). */
  bytesSent = 0;
  bytesReceived = 0;
  /** Sequence number of the next data segment or FIN this end sends. */
  nextSeq = 0;
  /** Sequence number this end expects next from its peer. */
  expectSeq = 0;
  /** Number of send() calls made on this end. */
  sends = 0;
  /**
   * The rest of the network's stream bookkeeping of this end (faults, stream
   * cutting), made when first needed (see `Network.stream`). The
   * counters every segment uses are the fields above: a segment on a
   * connection not used for a long time reads no second object and makes none.
   */
  stream: StreamState | undefined;
  /**
   * The trace keys of this end's segments, made at its second send: sent
   * (this host, connection, this end → peer) and delivered (the peer's host,
   * connection, this end → peer end); see `Trace.keyedRow`. Fields of the
   * end itself: a segment of a busy connection reads its key here, not
   * through a second object (at 100,000 connections each object a segment
   * reads is a likely cache miss).
   */
  sentKey: TraceKey | undefined;
  deliveredKey: TraceKey | undefined;

  constructor(
    /** Connection number, shared by both ends. */
    readonly conn: number,
    readonly side: "client" | "server",
    readonly host: Host,
    readonly localAddr: string,
    readonly localPort: number,
    readonly peerAddr: string,
    readonly peerPort: number,
    /** The "addr:port" texts when the caller has them already (the handshake made them): shared, not made again. */
    localText?: string,
    peerText?: string,
  ) {
    this.#local = localText;
    this.#peer = peerText;
  }

  /** "localAddr:localPort", made once (every trace event of the connection names it). */
  get localEndpoint(): string {
    return (this.#local ??= endpoint(this.localAddr, this.localPort));
  }
  /** "peerAddr:peerPort", made once. */
  get peerEndpoint(): string {
    return (this.#peer ??= endpoint(this.peerAddr, this.peerPort));
  }
  #local: string | undefined;
  #peer: string | undefined;

  /** True while both directions can still carry data from this end's view. */
  get open(): boolean {
    return !this.closedLocal && !this.peerClosed;
  }
}
