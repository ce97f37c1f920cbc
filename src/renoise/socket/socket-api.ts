import { traceShape } from "../../core/trace.js";
import { SocketLogicError } from "../../core/errors.js";
import { ANY_ADDRESS, endpoint, isLoopback, LOOPBACK } from "../../net/address.js";
import { SocketErrors } from "../../net/errors.js";
import type { BlockFrame } from "../../net/gui-thread.js";
import type { Host } from "../../net/host.js";
import type { ConnectAttempt, ConnectResult, ConnectWaiter } from "../../net/network.js";
import type { TcpEnd, TcpEndPlace } from "../../net/tcp-end.js";
import type { SimContext } from "./context.js";
import { TcpClient, UdpClient } from "./client.js";
import { plainInstances, type Mutable } from "../../core/site-free.js";
import { ServerCore, ServerSocket } from "./server.js";
import type { LuaResult, Protocol, SocketClient, SocketServer } from "./types.js";
import { checkAddress, checkPort, checkProtocol, checkTimeout, show } from "./validate.js";

/** A TCP client's connect that succeeded, recorded as a row (see Trace.row); the socket label kept as the end's two endpoint texts. */
const CLIENT_CREATED = traceShape("client.create", ["socket", "waited"], { label: ["tcp ", "->"] });

/** The `renoise.Socket` namespace. */
export interface SocketApi {
  readonly PROTOCOL_TCP: 1;
  readonly PROTOCOL_UDP: 2;
  /**
   * `create_server([address,] port [, protocol])`: binds and listens. Returns
   * `[server]` or `[undefined, error]` (port in use, address not local, ...).
   */
  create_server(port: number, protocol?: Protocol): LuaResult<SocketServer>;
  create_server(address: string, port: number, protocol?: Protocol): LuaResult<SocketServer>;
  /**
   * `create_client(address, port [, protocol [, timeout_ms]])`: for TCP,
   * blocks up to `timeout_ms` (default 1000) of virtual time for the
   * handshake. Returns `[client]` or `[undefined, error]`.
   */
  create_client(address: string, port: number, protocol?: Protocol, timeout_ms?: number): LuaResult<SocketClient>;
}

const DEFAULT_CONNECT_TIMEOUT = 1000;

/** The GUI-thread frame of a blocking create_client (one object for all: frames are only read). */
const CONNECT_FRAME: BlockFrame = Object.freeze({ kind: "block", call: "renoise.Socket.create_client" });

/** A TCP handshake in progress (see {@link SocketApiInternals.begin_client}). */
export interface PendingConnect {
  deadline: number;
  settled: () => boolean;
  finish: () => LuaResult<SocketClient>;
}

/** Result of starting create_client without blocking. */
export type ClientStart = { done: LuaResult<SocketClient>; pending?: undefined } | { done?: undefined; pending: PendingConnect };

/** Non-blocking building blocks behind the API (used by peer scripts). */
export interface SocketApiInternals {
  begin_client(address: unknown, port: unknown, protocol?: unknown, timeoutMs?: unknown): ClientStart;
}

/**
 * Where a SocketApi keeps its internals: a hidden property of the API object.
 * (A WeakMap from the API to them kept every simulation alive through
 * young-generation collections: its value reaches its own key, and the
 * scavenger treats such entries as live, so each one was promoted and freed
 * only by a full collection.)
 */
const INTERNALS = Symbol("renoise-sim.socket-api.internals");

/** The non-blocking internals of a SocketApi made by {@link createSocketApi}. */
export function internalsOf(api: SocketApi): SocketApiInternals {
  const i = (api as unknown as { [INTERNALS]?: SocketApiInternals })[INTERNALS];
  if (!i) throw new Error("internalsOf: not a renoise-sim SocketApi");
  return i;
}

/** Builds the renoise.Socket API of one simulated host. */
export function createSocketApi(ctx: SimContext, host: Host): SocketApi {
  function fail<T>(kind: string, error: string, fields: Record<string, string | number>): LuaResult<T> {
    ctx.trace.record(kind, host.name, { ...fields, error });
    return [undefined, error];
  }

  function create_server(...args: unknown[]): LuaResult<SocketServer> {
    const call = "renoise.Socket.create_server";
    ctx.assertActive(call);
    let address: string | undefined;
    let rest: unknown[];
    if (typeof args[0] === "string") {
      address = checkAddress(call, args[0]);
      rest = args.slice(1);
    } else if (typeof args[0] === "number") {
      rest = args;
    } else {
      throw new SocketLogicError(`${call}: expected ([address,] port [, protocol]), got ${show(args[0])} as first argument`);
    }
    const port = checkPort(call, rest[0], true);
    const protocol = checkProtocol(call, rest[1]);
    const proto = protocol === 1 ? "tcp" : "udp";
    let bind = ANY_ADDRESS;
    if (address !== undefined) {
      const resolved = ctx.network.dns.resolve(address);
      if (resolved === undefined) return fail("server.create", SocketErrors.HOST_NOT_FOUND, { proto, address, port });
      if (resolved !== ANY_ADDRESS && !host.owns(resolved)) {
        return fail("server.create", SocketErrors.ADDRESS_NOT_AVAILABLE, { proto, address, port });
      }
      bind = isLoopback(resolved) ? LOOPBACK : resolved;
    }
    const table = proto === "tcp" ? host.tcpPorts : host.udpPorts;
    let actual = port;
    if (port === 0) {
      const p = ctx.network.allocatePort(host, proto);
      if (p === undefined) return fail("server.create", SocketErrors.ADDRESS_IN_USE, { proto, port });
      actual = p;
    }
    if (table.has(actual)) return fail("server.create", SocketErrors.ADDRESS_IN_USE, { proto, port: actual });
    const core = new ServerCore(ctx, host, proto, bind, actual);
    if (proto === "tcp") host.tcpPorts.set(actual, core);
    else host.udpPorts.set(actual, core);
    ctx.trace.record("server.create", host.name, { server: core.label });
    return [new ServerSocket(core), undefined];
  }

  /**
   * Starts create_client without blocking: either an immediate result, or a
   * pending TCP handshake to wait for (until `deadline` or `settled()`).
   */
  function begin_client(address: unknown, port: unknown, protocol?: unknown, timeoutMs?: unknown): ClientStart {
    const call = "renoise.Socket.create_client";
    ctx.assertActive(call);
    const name = checkAddress(call, address);
    const p = checkPort(call, port, false);
    const proto = checkProtocol(call, protocol) === 1 ? "tcp" : "udp";
    const timeout =
      timeoutMs === undefined || timeoutMs === null ? DEFAULT_CONNECT_TIMEOUT : checkTimeout(call, timeoutMs, false);
    const resolved = ctx.network.dns.resolve(name);
    if (resolved === undefined || resolved === ANY_ADDRESS) {
      return { done: fail("client.create", SocketErrors.HOST_NOT_FOUND, { proto, to: endpoint(name, p) }) };
    }
    const localPort = ctx.network.allocatePort(host, proto);
    if (localPort === undefined) {
      return { done: fail("client.create", SocketErrors.ADDRESS_NOT_AVAILABLE, { proto, to: endpoint(name, p) }) };
    }
    const localAddr = host.sourceFor(resolved);

    if (proto === "udp") {
      const core = new UdpClient(ctx, host, localAddr, localPort, resolved, p);
      ctx.trace.record("client.create", host.name, { socket: core.label });
      return { done: [core, undefined] };
    }

    const pending = new PendingTcpClient(ctx, host, localPort, name, p, timeout);
    pending.attempt = ctx.network.connect(host, localPort, resolved, p, pending);
    return { pending };
  }

  function create_client(address: unknown, port: unknown, protocol?: unknown, timeoutMs?: unknown): LuaResult<SocketClient> {
    const started = begin_client(address, port, protocol, timeoutMs);
    if (started.done) return started.done;
    const pending = started.pending;
    ctx.block(host, CONNECT_FRAME, pending.deadline, pending.settled);
    return pending.finish();
  }

  const api = new SocketApiObject(create_server, create_client);
  Object.defineProperty(api, INTERNALS, { value: new ApiInternals(begin_client) });
  return api;
}

/**
 * A host's `renoise.Socket`: a plain object made without a literal (see
 * core/site-free.ts), since its functions are closures over the host.
 */
const SocketApiObject = plainInstances(function SocketApiObject(
  this: Mutable<SocketApi>,
  create_server: SocketApi["create_server"],
  create_client: SocketApi["create_client"],
) {
  this.PROTOCOL_TCP = 1;
  this.PROTOCOL_UDP = 2;
  this.create_server = create_server;
  this.create_client = create_client;
});

/**
 * What {@link internalsOf} finds on a host's `renoise.Socket`: a class
 * instance, not an object literal, so that V8 never allocates it in the old
 * generation by the history of a literal's site; it holds closures over the
 * host (see core/site-free.ts and docs/performance.md, nineteenth round).
 */
class ApiInternals implements SocketApiInternals {
  constructor(readonly begin_client: SocketApiInternals["begin_client"]) {}
}

/**
 * A TCP create_client waiting for its handshake: what the network tells when
 * the answer comes, and what the blocking call (or a peer script) finishes
 * with. One object per connect instead of a closure per step.
 */
class PendingTcpClient implements PendingConnect, ConnectWaiter {
  result: ConnectResult | undefined = undefined;
  core: TcpClient | undefined = undefined;
  attempt: ConnectAttempt | undefined = undefined;
  readonly start: number;
  readonly deadline: number;
  /** Handed to the blocking call on its own (called without `this`). */
  readonly settled = (): boolean => this.result !== undefined;

  constructor(
    readonly ctx: SimContext,
    readonly host: Host,
    readonly localPort: number,
    /** The address and port as the caller gave them (named in failures). */
    readonly name: string,
    readonly port: number,
    timeout: number,
  ) {
    this.start = ctx.now();
    this.deadline = this.start + timeout;
  }

  /** The client end of the connection: the client itself (see TcpClient). */
  makeEnd(...place: TcpEndPlace): TcpEnd {
    return new TcpClient(this.ctx, ...place);
  }

  connected(r: ConnectResult): void {
    this.result = r;
    if (!r.ok) return;
    if (!(r.end instanceof TcpClient)) throw new Error("PendingTcpClient.connected: the end was not made by PendingTcpClient.makeEnd");
    // Own the end at once: bytes may arrive before the blocking call returns.
    r.end.connected();
    this.core = r.end;
  }

  finish(): LuaResult<SocketClient> {
    const { ctx, host, result } = this;
    if (result === undefined) {
      this.attempt!.abandon();
      ctx.network.releasePort(host, "tcp", this.localPort);
      return this.fail(SocketErrors.CONNECT_TIMEOUT, { proto: "tcp", to: endpoint(this.name, this.port), waited: ctx.now() - this.start });
    }
    if (!result.ok) {
      ctx.network.releasePort(host, "tcp", this.localPort);
      return this.fail(SocketErrors.CONNECTION_REFUSED, { proto: "tcp", to: endpoint(this.name, this.port) });
    }
    const core = this.core!;
    ctx.trace.row(CLIENT_CREATED, host.name, core.localEndpoint, core.peerEndpoint, ctx.now() - this.start);
    return [core, undefined];
  }

  private fail(error: string, fields: Record<string, string | number>): LuaResult<SocketClient> {
    this.ctx.trace.record("client.create", this.host.name, { ...fields, error });
    return [undefined, error];
  }
}
