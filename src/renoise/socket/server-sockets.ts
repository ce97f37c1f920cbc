import { traceShape } from "../../core/trace.js";
import type { ByteString } from "../../core/bytes.js";
import { SocketLogicError } from "../../core/errors.js";
import { endpoint } from "../../net/address.js";
import { MAX_UDP_PAYLOAD, SocketErrors } from "../../net/errors.js";
import type { Host } from "../../net/host.js";
import { TCP_END_OWN_FLAG, TcpEnd, withBit, type TcpEndPlace } from "../../net/tcp-end.js";
import type { SimContext } from "./context.js";
import { SocketHandle } from "./handle.js";
import type { LuaResult, SendMessage, SendResult, SocketClient } from "./types.js";
import { toMessage } from "./validate.js";

/** A bit of a Connection's `flags`: in its server's table. */
const LISTED = TCP_END_OWN_FLAG;
/** A bit of a Connection's `flags`: closed by the tool (see Connection.closedByUser). */
const CLOSED_BY_USER = TCP_END_OWN_FLAG << 1;

/**
 * The event of a tool closing a server-side connection, recorded as a row
 * (see Trace.row); its socket label ("tcp local<-peer") kept as the end's
 * two endpoint texts.
 */
const CONNECTION_CLOSE = traceShape("connection.close", ["socket"], { label: ["tcp ", "<-"] });

/** What an accepted connection needs from its server. */
export interface ConnectionServer {
  /** The simulation the server runs in. */
  readonly ctx: SimContext;
  /** The server's table of live connections. */
  readonly connections: Map<number, Connection>;
  /** Bytes arrived on `conn`, a connection in the table. */
  onConnectionData(conn: Connection, data: ByteString, merge: boolean): void;
  /** The peer of `conn` closed (FIN) or reset (RST) the connection. */
  onPeerClose(conn: Connection, reset: boolean): void;
}

/**
 * One accepted TCP connection, as the server side sees it: the server's end
 * of the connection itself (its server makes it with `TcpListener.makeEnd`),
 * so that reaching a connection not used for a long time reaches one object,
 * not an end and a connection beside it. While it is in its server's table
 * the bytes that arrive are its own: they find it without a look-up in that
 * table (at 100,000 connections, that look-up was ~10 % of an echo round
 * trip). Once out of the table, they go nowhere.
 */
export class Connection extends TcpEnd {
  /** The wrapper handed out when wrappers are "stable". */
  stable: AcceptedSocket | undefined;

  constructor(
    /** The server that accepted it (its table of live connections holds this one until {@link unlist}). */
    readonly server: ConnectionServer,
    ...place: TcpEndPlace
  ) {
    super(place[0], "server", place[1], place[2], place[3], place[4]);
  }

  /** Its server's simulation (read through the server: one field fewer per connection). */
  get ctx(): SimContext {
    return this.server.ctx;
  }

  /** Closed through one of its wrappers with close(): every wrapper is dead (a bit of `flags`). */
  get closedByUser(): boolean {
    return (this.flags & CLOSED_BY_USER) !== 0;
  }
  set closedByUser(v: boolean) {
    this.flags = withBit(this.flags, CLOSED_BY_USER, v);
  }

  /** In its server's table (a bit of `flags`): the bytes that arrive are its own (see {@link list}). */
  get listed(): boolean {
    return (this.flags & LISTED) !== 0;
  }

  /** Bytes arrived: a socket_message while the connection is in its server's table; after, they go nowhere. */
  override onData(data: ByteString, merge: boolean): void {
    if ((this.flags & LISTED) !== 0) this.server.onConnectionData(this, data, merge);
  }

  override onPeerClose(reset: boolean): void {
    this.server.onPeerClose(this, reset);
  }

  /** Enters the connection in its server's table (the server accepted it). */
  list(): void {
    this.server.connections.set(this.conn, this);
    this.flags = withBit(this.flags, LISTED, true);
  }

  /** Takes the connection out of its server's table: what arrives from now on goes nowhere. */
  unlist(): void {
    this.server.connections.delete(this.conn);
    this.flags = withBit(this.flags, LISTED, false);
  }

  /** "tcp local<-peer", for printing (made at each call: no trace event names it, so no field keeps it). */
  get label(): string {
    return `tcp ${this.localEndpoint}<-${this.peerEndpoint}`;
  }

  alive(call: string): void {
    if (this.closedByUser) {
      throw new SocketLogicError(
        `SocketClient${call}: this connection was closed with close(); it cannot be used any more`,
      );
    }
  }

  /** True when each callback gets a wrapper of its own (R25, the default), false when wrappers are "stable". */
  get freshWrappers(): boolean {
    return this.ctx.semantics.connectionWrappers !== "stable";
  }

  wrapper(): AcceptedSocket {
    return this.freshWrappers ? new AcceptedSocket(this) : this.canonical();
  }

  /** The connection's one long-lived wrapper: the wrapper when wrappers are "stable", and what fresh wrappers stand for. */
  canonical(): AcceptedSocket {
    return (this.stable ??= new AcceptedSocket(this));
  }
}

/**
 * For a fresh wrapper of an accepted connection (one made for one
 * callback): the connection's {@link Connection.canonical} wrapper, which
 * behaves the same in every way but is made once. Undefined for anything
 * else, the canonical wrapper included. A binding can hand out a cheap
 * stand-in of the canonical wrapper instead of binding each fresh one.
 */
export function canonicalWrapper(wrapper: object): AcceptedSocket | undefined {
  const id = SocketHandle.identityOf(wrapper);
  if (!(id instanceof Connection)) return undefined;
  const c = id.canonical();
  return c === wrapper ? undefined : c;
}

/** The SocketClient a TCP server's callbacks receive: a connected socket to reply through. */
export class AcceptedSocket extends SocketHandle implements SocketClient {
  readonly #c: Connection;

  constructor(c: Connection) {
    super(c);
    this.#c = c;
  }

  get is_open(): boolean {
    this.#c.alive(".is_open");
    return this.#c.open;
  }
  get local_address(): string {
    this.#c.alive(".local_address");
    return this.#c.localAddr;
  }
  get local_port(): number {
    this.#c.alive(".local_port");
    return this.#c.localPort;
  }
  get peer_address(): string {
    this.#c.alive(".peer_address");
    return this.#c.peerAddr;
  }
  get peer_port(): number {
    this.#c.alive(".peer_port");
    return this.#c.peerPort;
  }

  send(message: SendMessage): SendResult {
    const c = this.#c;
    c.alive(":send");
    c.ctx.assertActive("SocketClient:send");
    if (!c.open) {
      throw new SocketLogicError(
        `SocketClient:send: the connection to ${endpoint(c.peerAddr, c.peerPort)} is closed ` +
          `(the peer disconnected; is_open is false). Check is_open before replying`,
      );
    }
    const data = toMessage("SocketClient:send", message);
    c.ctx.network.sendData(c, data);
    return [true, undefined];
  }

  receive(): LuaResult<ByteString> {
    this.#c.alive(":receive");
    throw new SocketLogicError(
      "SocketClient:receive: this socket was accepted by a server; its data arrives through the notifier's socket_message callback",
    );
  }

  close(): void {
    const c = this.#c;
    c.alive(":close");
    c.closedByUser = true;
    c.ctx.trace.row(CONNECTION_CLOSE, c.host.name, c.localEndpoint, c.peerEndpoint);
    if (!c.closedLocal) c.ctx.network.close(c, "server side close");
    c.unlist();
  }

  override toString(): string {
    return `SocketClient(${this.#c.label})`;
  }
}

/**
 * The "dummy" socket a UDP server's socket_message receives (R18): it tells
 * the peer's address and port; `is_open` is false. Sending through it raises
 * unless the simulation allows it (semantics.udpDummyCanSend).
 */
export class UdpPeerSocket extends SocketHandle implements SocketClient {
  constructor(
    private readonly ctx: SimContext,
    private readonly host: Host,
    readonly local_address: string,
    readonly local_port: number,
    readonly peer_address: string,
    readonly peer_port: number,
  ) {
    super();
  }

  get is_open(): boolean {
    return false;
  }

  send(message: SendMessage): SendResult {
    this.ctx.assertActive("SocketClient:send");
    if (!this.ctx.semantics.udpDummyCanSend) {
      throw new SocketLogicError(
        `SocketClient:send: this is the "dummy" socket of a UDP server message; it cannot send. ` +
          `Reply with renoise.Socket.create_client("${this.peer_address}", ${this.peer_port}, renoise.Socket.PROTOCOL_UDP)`,
      );
    }
    const data = toMessage("SocketClient:send", message);
    if (data.length > MAX_UDP_PAYLOAD) return [false, SocketErrors.MESSAGE_TOO_LONG];
    const from = this.local_address === "0.0.0.0" ? this.host.sourceFor(this.peer_address) : this.local_address;
    this.ctx.network.sendDatagram(this.host, from, this.local_port, this.peer_address, this.peer_port, data);
    return [true, undefined];
  }

  receive(): LuaResult<ByteString> {
    throw new SocketLogicError(
      "SocketClient:receive: this is the \"dummy\" socket of a UDP server message; data arrives through socket_message",
    );
  }

  close(): void {
    // Nothing to close: the dummy stands for no socket of its own.
  }

  override toString(): string {
    return `SocketClient(udp dummy ${endpoint(this.peer_address, this.peer_port)})`;
  }
}
