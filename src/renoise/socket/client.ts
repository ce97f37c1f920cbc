import type { ByteString } from "../../core/bytes.js";
import { traceShape } from "../../core/trace.js";
import { SocketLogicError } from "../../core/errors.js";
import { endpoint } from "../../net/address.js";
import { MAX_UDP_PAYLOAD, SocketErrors } from "../../net/errors.js";
import type { Host } from "../../net/host.js";
import type { BlockFrame } from "../../net/gui-thread.js";
import { TCP_END_OWN_FLAG, TcpEnd, withBit, type TcpEndPlace } from "../../net/tcp-end.js";
import type { UdpEndpoint } from "../../net/udp-endpoint.js";
import type { SimContext } from "./context.js";
import { ownIdentity, SocketHandle } from "./handle.js";
import { rxAppend, rxCanSatisfy, rxLength, rxTake, rxTakeAll, type RxBuffer } from "./rx-buffer.js";
import type { LuaResult, ReceiveMode, SendMessage, SendResult, SocketClient } from "./types.js";
import { checkMode, checkTimeout, modeName, toMessage, type Mode } from "./validate.js";

/**
 * Lifecycle of a client: "open"; "failed" after a receive error other than
 * timeout (is_open false, send/receive raise, properties still readable);
 * "closed" after close() (everything raises).
 */
type ClientState = "open" | "failed" | "closed";

/** The GUI-thread frame of a blocking receive (one object for all: frames are only read). */
const RECEIVE_FRAME: BlockFrame = Object.freeze({ kind: "block", call: "SocketClient:receive" });

// A client's events, recorded as rows (see Trace.row).
const CLIENT_RECEIVE = traceShape("client.receive", ["socket", "mode", "timeout", "waited"], { payload: true });
const CLIENT_RECEIVE_FAILED = traceShape("client.receive", ["socket", "mode", "timeout", "waited", "error"]);
const CLIENT_CLOSE = traceShape("client.close", ["socket"]);
/** A TCP client's close, its label kept as its end's two endpoint texts (see TraceShapeOptions.label). */
const TCP_CLIENT_CLOSE = traceShape("client.close", ["socket"], { label: ["tcp ", "->"] });
/**
 * A TCP client's receive, its label kept as the end's two endpoint texts: a
 * client's first receive then makes no label string (at 100,000 connections
 * that join was ~9 % of the cost of an echo on a connection not used before).
 */
const TCP_CLIENT_RECEIVE = traceShape("client.receive", ["socket", "mode", "timeout", "waited"], { payload: true, label: ["tcp ", "->"] });
const TCP_CLIENT_RECEIVE_FAILED = traceShape("client.receive", ["socket", "mode", "timeout", "waited", "error"], { label: ["tcp ", "->"] });

/** A receive that was validated and may be waiting for data. */
export interface PendingReceive {
  mode: Mode;
  timeout: number;
  start: number;
}

/** What a client socket's base class gives it: its host and its two endpoints. */
interface ClientPlace {
  readonly host: Host;
  readonly localAddr: string;
  readonly localPort: number;
  readonly peerAddr: string;
  readonly peerPort: number;
}

/**
 * The client socket API (state, rules, receive buffer) on top of `Base`: a
 * TCP client is its own connection end ({@link TcpClient} extends TcpEnd),
 * a UDP client a plain socket handle; both share this code. (What a
 * subclass overrides is public, not protected: the package's declarations
 * cannot give a mixin's class protected members.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's mixin pattern: the base's constructor takes `any[]`
function clientSocket<B extends abstract new (...args: any[]) => ClientPlace>(Base: B) {
  /**
   * A socket made by create_client: the SocketClient object the caller holds,
   * with its state, its rules and its receive buffer ({@link RxBuffer}) in one
   * object. (A wrapper in front of a separate core, and a buffer object beside
   * it, were two more objects per connection to reach on a connection not used
   * for a long time: ~10 % each of an echo round trip at 100,000 connections.)
   */
  abstract class ClientSocket extends Base implements SocketClient, RxBuffer {
    /** Its lifecycle (a field of a UDP client, bits of a TCP client's end flags). */
    abstract state: ClientState;
    rxBuf = "";
    rxPos = 0;
    /** See {@link RxBuffer} (a field of a UDP client, a bit of a TCP client's end flags). */
    abstract rxSkipLf: boolean;

    abstract readonly ctx: SimContext;
    abstract readonly proto: "tcp" | "udp";

    get is_open(): boolean {
      this.alive(".is_open");
      return this.isOpen();
    }
    get local_address(): string {
      this.alive(".local_address");
      return this.localAddr;
    }
    get local_port(): number {
      this.alive(".local_port");
      return this.localPort;
    }
    get peer_address(): string {
      this.alive(".peer_address");
      return this.peerAddr;
    }
    get peer_port(): number {
      this.alive(".peer_port");
      return this.peerPort;
    }

    /** Compact description for debugging and snapshots. */
    override toString(): string {
      return `SocketClient(${this.label}, ${this.state})`;
    }

    /** Printed by node's inspect as its description (its fields reach the whole simulation). */
    [Symbol.for("nodejs.util.inspect.custom")](): string {
      return this.toString();
    }

    /**
     * "proto local->peer": every trace event of a UDP client names it (made
     * once, see UdpClient); a TCP client's rows keep its two endpoint texts
     * instead, so it makes it only to print it (no field to keep it in).
     */
    get label(): string {
      return [this.proto, " ", this.localText(), "->", this.peerText()].join("");
    }

    /** "localAddr:localPort" (a TCP client shares its end's). */
    localText(): string {
      return endpoint(this.localAddr, this.localPort);
    }
    /** "peerAddr:peerPort" (a TCP client shares its end's). */
    peerText(): string {
      return endpoint(this.peerAddr, this.peerPort);
    }

    alive(call: string): void {
      if (this.state === "closed") {
        throw new SocketLogicError(
          `SocketClient${call}: the socket was closed with close(); create a new client with renoise.Socket.create_client`,
        );
      }
    }

    usable(call: string): void {
      this.alive(call);
      if (this.state === "failed") {
        throw new SocketLogicError(
          `SocketClient${call}: the socket is closed (a receive failed and closed it; is_open is false); ` +
            `create a new client with renoise.Socket.create_client`,
        );
      }
    }

    abstract isOpen(): boolean;
    abstract transmit(data: ByteString): SendResult;
    /** True once no more data can ever arrive (the peer closed or reset). */
    abstract eof(): boolean;
    abstract readable(mode: Mode): boolean;
    abstract read(mode: Mode): ByteString | undefined;
    abstract release(): void;

    send(message: SendMessage): SendResult {
      this.usable(":send");
      this.ctx.assertActive("SocketClient:send");
      const data = toMessage("SocketClient:send", message);
      return this.transmit(data);
    }

    receive(mode: ReceiveMode, timeoutMs: number): LuaResult<ByteString> {
      const r = this.beginReceive(mode, timeoutMs);
      if (!this.ready(r.mode)) {
        // Even a poll (timeout 0) sees what arrives at this very instant.
        this.ctx.block(
          this.host,
          RECEIVE_FRAME,
          r.start + r.timeout,
          () => this.ready(r.mode),
          r.mode.kind === "all",
        );
      }
      return this.finishReceive(r);
    }

    /** Validates a receive call (raising on misuse) and notes when it started. */
    beginReceive(mode: unknown, timeoutMs: unknown): PendingReceive {
      this.usable(":receive");
      const m = checkMode("SocketClient:receive", mode);
      const timeout = checkTimeout("SocketClient:receive", timeoutMs, true);
      return { mode: m, timeout, start: this.ctx.now() };
    }

    /** True when a receive in `mode` can finish now (data, or the end of the stream). */
    ready(mode: Mode): boolean {
      return this.readable(mode) || this.eof();
    }

    /** Completes a receive: data, "timeout" (socket stays open) or "disconnected" (socket closes). */
    finishReceive(r: PendingReceive): LuaResult<ByteString> {
      const m = r.mode;
      let data = this.read(m);
      if (data === undefined && this.eof()) {
        // End of stream: hand out a last partial line or block once, then report the disconnect.
        const rest = rxTakeAll(this);
        if (rest.length > 0) data = rest;
      }
      const error =
        data !== undefined ? undefined : this.eof() ? SocketErrors.DISCONNECTED : SocketErrors.TIMEOUT;
      if (error === SocketErrors.DISCONNECTED) this.state = "failed";
      if (this.ctx.trace.enabled) this.recordReceive(m, r.timeout, this.ctx.now() - r.start, data, error);
      if (data !== undefined) return [data, undefined];
      return [undefined, error!];
    }

    /** Records the `client.receive` event: `data` received, or else `error`. */
    recordReceive(m: Mode, timeout: number, waited: number, data: ByteString | undefined, error: string | undefined): void {
      const trace = this.ctx.trace;
      if (data !== undefined) trace.row(CLIENT_RECEIVE, this.host.name, this.label, modeName(m), timeout, waited, data);
      else trace.row(CLIENT_RECEIVE_FAILED, this.host.name, this.label, modeName(m), timeout, waited, error);
    }

    close(): void {
      this.alive(":close");
      this.state = "closed";
      this.recordClose();
      this.release();
    }

    /** Records the `client.close` event. */
    recordClose(): void {
      this.ctx.trace.row(CLIENT_CLOSE, this.host.name, this.label);
    }
  }
  return ClientSocket;
}

// The bits of a TCP client's end flags that are its own.
/** The handshake completed: what arrives is the client's. */
const CONNECTED = TCP_END_OWN_FLAG;
/** state "failed" (a receive saw the end of the stream). */
const FAILED = TCP_END_OWN_FLAG << 1;
/** state "closed" (close() was called). */
const CLOSED = TCP_END_OWN_FLAG << 2;
/** RxBuffer.rxSkipLf. */
const SKIP_LF = TCP_END_OWN_FLAG << 3;

/**
 * A TCP client made by create_client: the client end of its connection
 * itself (its connect makes it with `ConnectWaiter.makeEnd`, as a server
 * makes its `Connection` with `TcpListener.makeEnd`), so that an echo round
 * trip on a connection not used for a long time reaches one object, not a
 * socket and an end beside it (at 100,000 connections that second object
 * was ~10 % of the round trip). What arrives is its own from the moment
 * the handshake completes (`connected()`); the end of a connect that gave
 * up before then takes nothing, and is reset as a plain end would be.
 */
export class TcpClient extends clientSocket(TcpEnd) {
  constructor(
    readonly ctx: SimContext,
    ...place: TcpEndPlace
  ) {
    super(place[0], "client", place[1], place[2], place[3], place[4]);
  }

  get proto(): "tcp" {
    return "tcp";
  }

  /** Its lifecycle, two bits of its end's flags (one field fewer to reach per round trip). */
  get state(): ClientState {
    const f = this.flags;
    return (f & CLOSED) !== 0 ? "closed" : (f & FAILED) !== 0 ? "failed" : "open";
  }
  set state(v: ClientState) {
    const f = this.flags & ~(FAILED | CLOSED);
    this.flags = v === "closed" ? f | CLOSED : v === "failed" ? f | FAILED : f;
  }

  /** See {@link RxBuffer}: a bit of its end's flags. */
  get rxSkipLf(): boolean {
    return (this.flags & SKIP_LF) !== 0;
  }
  set rxSkipLf(v: boolean) {
    this.flags = withBit(this.flags, SKIP_LF, v);
  }

  /** The handshake completed: what arrives is the client's from now on (bytes may arrive before create_client returns). */
  connected(): void {
    this.flags |= CONNECTED;
  }

  /** The label's texts are the end's own: the row keeps those, not a label string. */
  override recordReceive(m: Mode, timeout: number, waited: number, data: ByteString | undefined, error: string | undefined): void {
    const trace = this.ctx.trace;
    if (data !== undefined) trace.row(TCP_CLIENT_RECEIVE, this.host.name, this.localEndpoint, this.peerEndpoint, modeName(m), timeout, waited, data);
    else trace.row(TCP_CLIENT_RECEIVE_FAILED, this.host.name, this.localEndpoint, this.peerEndpoint, modeName(m), timeout, waited, error);
  }

  /** The label's texts are the end's own: the row keeps those, not a label string (none is made for a connect and close). */
  override recordClose(): void {
    this.ctx.trace.row(TCP_CLIENT_CLOSE, this.host.name, this.localEndpoint, this.peerEndpoint);
  }

  override localText(): string {
    return this.localEndpoint;
  }
  override peerText(): string {
    return this.peerEndpoint;
  }

  /** Bytes arrived: into the receive buffer, once the handshake completed (an abandoned connect's end takes none). */
  override onData(data: ByteString): void {
    if ((this.flags & CONNECTED) !== 0) rxAppend(this, data);
  }

  override onPeerClose(): void {
    // Observed by the next receive (R13); there is no callback for it (R24).
  }

  isOpen(): boolean {
    return this.state === "open";
  }

  eof(): boolean {
    return this.peerClosed;
  }

  readable(mode: Mode): boolean {
    return rxCanSatisfy(this, mode);
  }

  read(mode: Mode): ByteString | undefined {
    return rxTake(this, mode);
  }

  transmit(data: ByteString): SendResult {
    if (this.peerClosed) {
      const error = this.peerReset ? SocketErrors.CONNECTION_RESET : SocketErrors.DISCONNECTED;
      this.ctx.trace.record("client.send", this.host.name, { socket: this.label, bytes: data.length, error });
      return [false, error];
    }
    this.ctx.network.sendData(this, data);
    return [true, undefined];
  }

  release(): void {
    if (!this.closedLocal) this.ctx.network.close(this, "client close");
  }

  /** Aborts the connection (the peer sees a reset); the socket is closed. Used by scripted peers. */
  abort(): void {
    this.alive(":close");
    this.state = "closed";
    if (!this.closedLocal) this.ctx.network.reset(this, "peer reset");
  }
}
// Not a SocketHandle (it extends its end): the client is its own identity.
ownIdentity(TcpClient);

/** The base of a UDP client: a socket handle with its context, host and endpoints. */
abstract class UdpClientBase extends SocketHandle implements ClientPlace {
  constructor(
    readonly ctx: SimContext,
    readonly host: Host,
    readonly localAddr: string,
    readonly localPort: number,
    readonly peerAddr: string,
    readonly peerPort: number,
  ) {
    super();
  }
}

/** A UDP client made by create_client: a bound port with a default peer. */
export class UdpClient extends clientSocket(UdpClientBase) implements UdpEndpoint {
  state: ClientState = "open";
  rxSkipLf = false;
  /** Built once, as one flat string (join, not +: a rope of 5 pieces weighs ~4× more), since every trace event of the socket names it. */
  #label: string | undefined;
  private readonly datagrams: ByteString[] = [];
  private head = 0;
  readonly bindAddress: string;

  constructor(ctx: SimContext, host: Host, localAddr: string, localPort: number, peerAddr: string, peerPort: number) {
    super(ctx, host, localAddr, localPort, peerAddr, peerPort);
    this.bindAddress = localAddr;
    host.udpPorts.set(localPort, this);
  }

  get proto(): "udp" {
    return "udp";
  }

  override get label(): string {
    return (this.#label ??= super.label);
  }

  onDatagram(data: ByteString): void {
    if (this.state === "closed") return;
    this.datagrams.push(data);
  }

  isOpen(): boolean {
    return this.state === "open";
  }

  eof(): boolean {
    return false;
  }

  private queued(): number {
    return this.datagrams.length - this.head;
  }

  private pull(): boolean {
    if (this.head >= this.datagrams.length) return false;
    rxAppend(this, this.datagrams[this.head++]!);
    if (this.head === this.datagrams.length) {
      this.datagrams.length = 0;
      this.head = 0;
    }
    return true;
  }

  readable(mode: Mode): boolean {
    if (mode.kind === "all") return rxLength(this) > 0 || this.queued() > 0;
    if (rxCanSatisfy(this, mode)) return true;
    // Could the queued datagrams complete the read?
    let extra = 0;
    for (let i = this.head; i < this.datagrams.length; i++) {
      const d = this.datagrams[i]!;
      if (mode.kind === "line" && /[\r\n]/.test(d)) return true;
      extra += d.length;
    }
    return mode.kind === "bytes" && rxLength(this) + extra >= mode.n;
  }

  /** "*all" returns what an earlier read left over, else exactly one datagram. */
  read(mode: Mode): ByteString | undefined {
    if (mode.kind === "all") {
      if (rxLength(this) > 0) return rxTakeAll(this);
      if (this.queued() === 0) return undefined;
      this.pull();
      return rxTakeAll(this);
    }
    if (!this.readable(mode)) return undefined;
    while (!rxCanSatisfy(this, mode) && this.pull()) {
      /* pull datagrams one at a time */
    }
    return rxTake(this, mode);
  }

  transmit(data: ByteString): SendResult {
    if (data.length > MAX_UDP_PAYLOAD) {
      this.ctx.trace.record("client.send", this.host.name, {
        socket: this.label,
        bytes: data.length,
        error: SocketErrors.MESSAGE_TOO_LONG,
      });
      return [false, SocketErrors.MESSAGE_TOO_LONG];
    }
    this.ctx.network.sendDatagram(this.host, this.localAddr, this.localPort, this.peerAddr, this.peerPort, data);
    return [true, undefined];
  }

  release(): void {
    if (this.host.udpPorts.get(this.localPort) === this) this.host.udpPorts.delete(this.localPort);
    this.ctx.network.releasePort(this.host, "udp", this.localPort);
  }
}

/** A socket made by create_client (TCP or UDP). */
export type ClientCore = TcpClient | UdpClient;

/** True for a socket made by create_client. */
export function isClientCore(x: unknown): x is ClientCore {
  return x instanceof TcpClient || x instanceof UdpClient;
}

/** The trace number (`conn`) of a TCP client's connection; undefined for a UDP client or anything else. @internal */
export function tcpConnOf(client: object): number | undefined {
  const core = SocketHandle.identityOf(client);
  return core instanceof TcpClient ? core.conn : undefined;
}

