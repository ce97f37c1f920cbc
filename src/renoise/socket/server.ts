import type { ByteString } from "../../core/bytes.js";
import { traceShape } from "../../core/trace.js";
import { SocketLogicError } from "../../core/errors.js";
import { endpoint } from "../../net/address.js";
import type { DispatchItem, DispatchOwner } from "../../net/gui-thread.js";
import type { Host } from "../../net/host.js";
import type { TcpEnd, TcpEndPlace } from "../../net/tcp-end.js";
import type { TcpListener } from "../../net/tcp-listener.js";
import type { UdpEndpoint } from "../../net/udp-endpoint.js";
import type { SimContext } from "./context.js";
import { SocketHandle } from "./handle.js";
import { callbackOf, callsWithSelf, checkNotifier, messageRunnerOf, RUN_READY, RUN_SLOW, type CallbackName } from "./notifier.js";
import { Connection, UdpPeerSocket, type ConnectionServer } from "./server-sockets.js";
import type { Notifier, SocketClient, SocketServer } from "./types.js";
import { checkTimeout } from "./validate.js";

type Fields = Record<string, string | number | boolean | null>;

// The hot callbacks' events, recorded as rows (see Trace.row): a socket_message with its bytes, a socket_accepted.
const CALLBACK_MESSAGE = traceShape("callback", ["server", "callback", "handled", "peer"], { payload: true });
const CALLBACK_PEER = traceShape("callback", ["server", "callback", "handled", "peer"]);

/** Server lifecycle: created → running ⇄ stopped → closed. */
export type ServerState = "created" | "running" | "stopped" | "closed";

/** The simulation side of a SocketServer (TCP listener or bound UDP port). */
export class ServerCore implements DispatchOwner, TcpListener, ConnectionServer, UdpEndpoint {
  state: ServerState = "created";
  notifier: Notifier | undefined;
  readonly connections = new Map<number, Connection>();

  constructor(
    readonly ctx: SimContext,
    readonly host: Host,
    readonly proto: "tcp" | "udp",
    readonly bindAddress: string,
    readonly port: number,
  ) {}

  get dispatching(): boolean {
    return this.state === "running";
  }
  get dead(): boolean {
    return this.state === "closed";
  }
  /** Built once: every trace event of the server names it. */
  #label: string | undefined;

  get label(): string {
    return (this.#label ??= `${this.proto} ${endpoint(this.bindAddress, this.port)}`);
  }

  alive(call: string): void {
    if (this.state === "closed") {
      throw new SocketLogicError(
        `SocketServer${call}: the server was closed with close(); create a new one with renoise.Socket.create_server`,
      );
    }
  }

  private record(kind: string, fields: Record<string, string | number | boolean | null> = {}): void {
    this.ctx.trace.record(kind, this.host.name, { server: this.label, ...fields });
  }

  // ------------------------------------------------------------ network side

  /** The accepting end of a new connection: a {@link Connection} (the end and the server's state of it in one object). */
  makeEnd(...place: TcpEndPlace): TcpEnd {
    return new Connection(this, ...place);
  }

  onConnection(end: TcpEnd): void {
    if (!(end instanceof Connection)) throw new Error("ServerCore.onConnection: the end was not made by ServerCore.makeEnd");
    // What arrives on the connection is its own while it is in the table (see Connection).
    end.list();
    this.host.gui.add(new QueuedAccept(this, end));
  }

  /** Bytes arrived on an accepted connection: a socket_message queued for the GUI thread (or merged into the one waiting). */
  onConnectionData(conn: Connection, data: ByteString, merge: boolean): void {
    const peer = conn.peerEndpoint;
    // Stream merging: the bytes join the connection's socket_message still waiting for the GUI thread, if any.
    // Found in the queue only when a segment may merge: the connection keeps no pointer to its queued message
    // (on a connection not used for a long time, writing one cost a remembered-set entry per message).
    const queued = merge ? this.waitingMessage(conn) : undefined;
    if (queued) {
      queued.data += data;
      this.record("message.merge", { peer, bytes: data.length, total: queued.data.length });
      return;
    }
    this.host.gui.add(new QueuedMessage(this, conn, data, peer));
  }

  /**
   * The socket_message of `conn` still waiting for the GUI thread: the last
   * one queued for it, unless that one has run or was dropped. (Items leave
   * the queue in queue order, so when the last one left, so did the earlier
   * ones: nothing is found, as when the last one is done.)
   */
  private waitingMessage(conn: Connection): QueuedMessage | undefined {
    const last = this.host.gui.findLast((it) => it instanceof QueuedMessage && it.conn === conn) as QueuedMessage | undefined;
    return last !== undefined && !last.done ? last : undefined;
  }

  /** Records a queued callback that can no longer run. */
  recordDropped(name: CallbackName, fields: Fields, payload?: ByteString): void {
    this.record(
      "callback.dropped",
      payload !== undefined ? { callback: name, ...fields, ...this.ctx.trace.payload(payload) } : { callback: name, ...fields },
    );
  }

  onPeerClose(end: Connection, reset: boolean): void {
    // No callback exists for a disconnect (R24): is_open of the connection turns false.
    this.record("connection.peer-gone", { peer: end.peerEndpoint, reset });
    // No more bytes can arrive: forget it (queued callbacks and wrappers keep their own reference).
    this.connections.get(end.conn)?.unlist();
  }

  onDatagram(data: ByteString, fromAddr: string, fromPort: number): void {
    this.host.gui.add(new QueuedDatagram(this, data, fromAddr, fromPort, this.ctx.trace.endpoint(fromAddr, fromPort)));
  }

  /** Queues socket_error(message) as if the server's background thread had failed (R19). */
  injectError(message: string): void {
    this.record("server.error", { error: message });
    this.enqueue("socket_error", () => [message], { error: message });
  }

  /** Queues a callback for the GUI thread (socket_message and socket_accepted have queue items of their own). */
  private enqueue(name: CallbackName, args: () => unknown[], fields: Fields): void {
    this.host.gui.enqueue(
      this,
      () => this.invoke(name, args(), fields),
      () => this.recordDropped(name, fields),
    );
  }

  /** Runs a notifier callback other than socket_message (recording it first). */
  invoke(name: CallbackName, args: unknown[], fields: Fields): void {
    const notifier = this.notifier!;
    const cb = callbackOf(notifier, name);
    // socket_accepted names only its peer: a row (a hot callback).
    if (name === "socket_accepted") this.ctx.trace.row(CALLBACK_PEER, this.host.name, this.label, name, cb !== undefined, fields.peer);
    else this.record("callback", { callback: name, handled: cb !== undefined, ...fields });
    if (cb) this.call(notifier, cb, name, args);
  }

  /**
   * Runs socket_message(socket, data) from `peer` (recording it first): a TCP
   * or UDP message leaving the GUI queue, without an argument array or fields.
   */
  invokeMessage(socket: SocketClient, peer: string, data: ByteString): void {
    const notifier = this.notifier!;
    const cb = callbackOf(notifier, "socket_message");
    this.ctx.trace.row(CALLBACK_MESSAGE, this.host.name, this.label, "socket_message", cb !== undefined, peer, data);
    if (cb) this.call(notifier, cb, "socket_message", undefined, socket, data);
  }

  /**
   * Runs socket_message for a message of the accepted connection `conn`:
   * {@link invokeMessage} with a fresh wrapper (or the stable one), or,
   * where the notifier has a {@link MessageRunner} (a Lua table's), the
   * same through the runner, which needs no wrapper object per message.
   */
  invokeConnectionMessage(conn: Connection, peer: string, data: ByteString): void {
    this.runMessage(conn, undefined, peer, data);
  }

  /**
   * Runs socket_message for a UDP datagram: {@link invokeMessage} with its
   * fresh "dummy" socket, through the notifier's {@link MessageRunner}
   * where it has one (fewer steps; the dummy is passed as it is).
   */
  invokeDatagramMessage(dummy: UdpPeerSocket, peer: string, data: ByteString): void {
    this.runMessage(undefined, dummy, peer, data);
  }

  /** {@link invokeConnectionMessage} (`conn`) or {@link invokeDatagramMessage} (`dummy`). */
  private runMessage(conn: Connection | undefined, dummy: UdpPeerSocket | undefined, peer: string, data: ByteString): void {
    const notifier = this.notifier!;
    const runner = messageRunnerOf(notifier);
    const found = runner === undefined ? RUN_SLOW : runner.look();
    if (found === RUN_SLOW) {
      this.invokeMessage(conn !== undefined ? conn.wrapper() : dummy!, peer, data);
      return;
    }
    this.ctx.trace.row(CALLBACK_MESSAGE, this.host.name, this.label, "socket_message", found === RUN_READY, peer, data);
    if (found !== RUN_READY) return;
    // As call() does: the callback is the trace's cause while it runs; what it throws is the callback's failure.
    const trace = this.ctx.trace;
    const prevCause = trace.cause;
    trace.setCallbackCause("socket_message", trace.count);
    try {
      const nilIfUnnamed = this.ctx.semantics.unnamedSocket !== "wrapper";
      if (conn !== undefined) runner!.run(conn.canonical(), conn.freshWrappers, data, nilIfUnnamed);
      else runner!.run(dummy!, false, data, nilIfUnnamed);
    } catch (e) {
      this.ctx.callbackFailed(this.host, "socket_message", e);
    } finally {
      trace.cause = prevCause;
    }
  }

  /**
   * Calls a callback found in `notifier`, as the trace's cause: with `args`,
   * or (no array made) with the two arguments `a0`, `a1` of a socket_message.
   */
  private call(
    notifier: Notifier,
    cb: (...args: unknown[]) => void,
    name: CallbackName,
    args: unknown[] | undefined,
    a0?: unknown,
    a1?: unknown,
  ): void {
    const trace = this.ctx.trace;
    const prevCause = trace.cause;
    trace.setCallbackCause(name, trace.count);
    try {
      // A table's functions get no self; a class instance's methods do (as in Lua).
      const self = callsWithSelf(notifier) ? notifier : undefined;
      if (args !== undefined) cb.apply(self, args);
      else cb.call(self, a0, a1);
    } catch (e) {
      this.ctx.callbackFailed(this.host, name, e);
    } finally {
      trace.cause = prevCause;
    }
  }

  // ------------------------------------------------------------ API side

  run(notifier: unknown): void {
    this.alive(":run");
    const checked = checkNotifier(notifier);
    if (this.state === "running") {
      throw new SocketLogicError("SocketServer:run: the server is already running; call stop() before run() again");
    }
    this.notifier = checked;
    this.state = "running";
    this.record("server.run");
  }

  stop(): void {
    this.alive(":stop");
    if (this.state !== "running") return;
    this.state = "stopped";
    this.record("server.stop");
  }

  wait(timeoutMs: unknown): void {
    this.alive(":wait");
    const ms = checkTimeout("SocketServer:wait", timeoutMs, true);
    this.ctx.assertActive("SocketServer:wait");
    const start = this.ctx.now();
    this.record("server.wait", { timeout: ms });
    this.ctx.block(this.host, { kind: "wait", owner: this }, start + ms, () => false);
  }

  /** Its host crashed: the server disappears without a word (no FIN to peers, queued callbacks dropped). */
  vanish(): void {
    if (this.state === "closed") return;
    this.state = "closed";
    this.record("server.vanish");
    const ports = this.proto === "tcp" ? this.host.tcpPorts : this.host.udpPorts;
    if (ports.get(this.port) === this) ports.delete(this.port);
    this.unlistAll();
    this.host.gui.discardAll(this);
  }

  /** Empties the table of live connections (what arrives on them from now on goes nowhere). */
  private unlistAll(): void {
    // Each one leaves the table as a closed connection does (a Map may lose entries while it is iterated).
    for (const c of this.connections.values()) c.unlist();
  }

  close(): void {
    this.alive(":close");
    this.state = "closed";
    this.record("server.close");
    if (this.proto === "tcp") {
      if (this.host.tcpPorts.get(this.port) === this) this.host.tcpPorts.delete(this.port);
      for (const c of this.connections.values()) {
        if (!c.closedLocal) this.ctx.network.close(c, "server close");
      }
    } else if (this.host.udpPorts.get(this.port) === this) {
      this.host.udpPorts.delete(this.port);
    }
    this.unlistAll();
    this.host.gui.discardAll(this);
  }
}

/** The public SocketServer object. */
export class ServerSocket extends SocketHandle implements SocketServer {
  readonly #core: ServerCore;

  constructor(core: ServerCore) {
    super(core);
    this.#core = core;
  }

  get is_open(): boolean {
    this.#core.alive(".is_open");
    return true;
  }
  get is_running(): boolean {
    this.#core.alive(".is_running");
    return this.#core.state === "running";
  }
  get local_address(): string {
    this.#core.alive(".local_address");
    return this.#core.bindAddress;
  }
  get local_port(): number {
    this.#core.alive(".local_port");
    return this.#core.port;
  }
  run(notifier: Notifier): void {
    this.#core.run(notifier);
  }
  stop(): void {
    this.#core.stop();
  }
  wait(timeout_ms: number): void {
    this.#core.wait(timeout_ms);
  }
  close(): void {
    this.#core.close();
  }
  override toString(): string {
    return `SocketServer(${this.#core.label}, ${this.#core.state})`;
  }
}

/**
 * A socket_accepted waiting for the GUI thread: the queue item itself (its
 * `run` and `discard` are methods: one object per accepted connection, not
 * three closures, their contexts and a fields object).
 */
class QueuedAccept implements DispatchItem {
  done = false;

  constructor(
    readonly owner: ServerCore,
    readonly conn: Connection,
  ) {}

  run(): void {
    this.owner.invoke("socket_accepted", [this.conn.wrapper()], { peer: this.conn.peerEndpoint });
  }

  discard(): void {
    this.owner.recordDropped("socket_accepted", { peer: this.conn.peerEndpoint });
  }
}

/** A UDP datagram's socket_message waiting for the GUI thread: the queue item itself (no closures). */
class QueuedDatagram implements DispatchItem {
  done = false;

  constructor(
    readonly owner: ServerCore,
    readonly data: ByteString,
    readonly fromAddr: string,
    readonly fromPort: number,
    readonly peer: string,
  ) {}

  run(): void {
    const server = this.owner;
    server.invokeDatagramMessage(new UdpPeerSocket(server.ctx, server.host, server.bindAddress, server.port, this.fromAddr, this.fromPort), this.peer, this.data);
  }

  discard(): void {
    this.owner.recordDropped("socket_message", { peer: this.peer }, this.data);
  }
}

/**
 * A socket_message waiting for the GUI thread: the queue item itself (its
 * `run` and `discard` are methods, so queuing a message makes one object,
 * not five closures). Stream merging appends to `data` while it waits.
 */
class QueuedMessage implements DispatchItem {
  done = false;

  constructor(
    readonly owner: ServerCore,
    readonly conn: Connection,
    public data: ByteString,
    readonly peer: string,
  ) {}

  run(): void {
    this.owner.invokeConnectionMessage(this.conn, this.peer, this.data);
  }

  discard(): void {
    this.owner.recordDropped("socket_message", { peer: this.peer }, this.data);
  }
}
