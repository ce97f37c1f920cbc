import type { ByteString } from "../../core/bytes.js";
import { SocketLogicError } from "../../core/errors.js";
import { endpoint } from "../../net/address.js";
import { MAX_UDP_PAYLOAD, SocketErrors } from "../../net/errors.js";
import type { Host } from "../../net/host.js";
import type { TcpEnd } from "../../net/tcp-end.js";
import type { SimContext } from "./context.js";
import { IDENTITY, type Identified } from "./handle.js";
import type { LuaResult, SendMessage, SendResult, SocketClient } from "./types.js";
import { toMessage } from "./validate.js";

/** One accepted TCP connection, as the server side sees it. */
export class Connection {
  /** Closed through one of its wrappers with close(): every wrapper is dead. */
  closedByUser = false;
  /** The wrapper handed out when wrappers are "stable". */
  stable: AcceptedSocket | undefined;

  constructor(
    readonly ctx: SimContext,
    readonly end: TcpEnd,
    /** The server's table of live connections; closing removes this one (no closure per connection). */
    readonly registry?: Map<number, Connection>,
  ) {}

  get label(): string {
    return `tcp ${endpoint(this.end.localAddr, this.end.localPort)}<-${endpoint(this.end.peerAddr, this.end.peerPort)}`;
  }

  alive(call: string): void {
    if (this.closedByUser) {
      throw new SocketLogicError(
        `SocketClient${call}: this connection was closed with close(); it cannot be used any more`,
      );
    }
  }

  wrapper(): AcceptedSocket {
    if (this.ctx.semantics.connectionWrappers === "stable") return (this.stable ??= new AcceptedSocket(this));
    return new AcceptedSocket(this);
  }
}

/** The SocketClient a TCP server's callbacks receive: a connected socket to reply through. */
export class AcceptedSocket implements SocketClient, Identified {
  readonly #c: Connection;

  constructor(c: Connection) {
    this.#c = c;
  }

  /** The connection: every wrapper of it is the same socket (R25). */
  [IDENTITY](): object {
    return this.#c;
  }

  get is_open(): boolean {
    this.#c.alive(".is_open");
    return this.#c.end.open;
  }
  get local_address(): string {
    this.#c.alive(".local_address");
    return this.#c.end.localAddr;
  }
  get local_port(): number {
    this.#c.alive(".local_port");
    return this.#c.end.localPort;
  }
  get peer_address(): string {
    this.#c.alive(".peer_address");
    return this.#c.end.peerAddr;
  }
  get peer_port(): number {
    this.#c.alive(".peer_port");
    return this.#c.end.peerPort;
  }

  send(message: SendMessage): SendResult {
    const c = this.#c;
    c.alive(":send");
    if (!c.end.open) {
      throw new SocketLogicError(
        `SocketClient:send: the connection to ${endpoint(c.end.peerAddr, c.end.peerPort)} is closed ` +
          `(the peer disconnected; is_open is false). Check is_open before replying`,
      );
    }
    const data = toMessage("SocketClient:send", message);
    c.ctx.network.sendData(c.end, data);
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
    c.ctx.trace.record("connection.close", c.end.host.name, { socket: c.label });
    if (!c.end.closedLocal) c.ctx.network.close(c.end, "server side close");
    c.registry?.delete(c.end.conn);
  }

  toString(): string {
    return `SocketClient(${this.#c.label})`;
  }
}

/**
 * The "dummy" socket a UDP server's socket_message receives (R18): it tells
 * the peer's address and port; `is_open` is false. Sending through it raises
 * unless the simulation allows it (semantics.udpDummyCanSend).
 */
export class UdpPeerSocket implements SocketClient, Identified {
  constructor(
    private readonly ctx: SimContext,
    private readonly host: Host,
    readonly local_address: string,
    readonly local_port: number,
    readonly peer_address: string,
    readonly peer_port: number,
  ) {}

  /** Each datagram's peer socket is its own socket. */
  [IDENTITY](): object {
    return this;
  }

  get is_open(): boolean {
    return false;
  }

  send(message: SendMessage): SendResult {
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

  toString(): string {
    return `SocketClient(udp dummy ${endpoint(this.peer_address, this.peer_port)})`;
  }
}
