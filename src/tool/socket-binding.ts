import { text, type ByteString } from "../core/bytes.js";
import {
  multi,
  type HostClass,
  type HostClassSpec,
  type HostFunction,
  type HostResult,
  type LuaInput,
  type LuaValue,
  type LuaVm,
} from "../lua/index.js";
import { sameSocket } from "../renoise/socket/handle.js";
import { canonicalWrapper } from "../renoise/socket/server-sockets.js";
import type { SocketApi } from "../renoise/socket/socket-api.js";
import type {
  LuaResult,
  ReceiveMode,
  SendMessage,
  SendResult,
  SocketBase,
  SocketClient,
  SocketServer,
} from "../renoise/socket/types.js";
import { adaptLuaNotifier, type LuaNotifier } from "./lua-notifier.js";

/** `renoise.Socket` for Lua, plus what unloading the tool needs. @internal */
export interface SocketBinding {
  /** The `renoise.Socket` table. */
  readonly table: Record<string, LuaInput>;
  /** Gives a client of this host's double (e.g. one a peer connected) its Lua userdata. */
  wrapClient(client: SocketClient): SocketClient;
  /** Closes every server and client the tool created that is still open; returns how many. */
  closeAll(): number;
}

/**
 * Binds a host's renoise.Socket double into a VM with Lua calling
 * conventions: failures as `nil, error` (or `false, error` for `send`),
 * misuse as Lua errors carrying the double's message (`pcall` catches them),
 * sockets as userdata of type `SocketServer` / `SocketClient`.
 *
 * Wrappers (R25): each JS wrapper the double hands out becomes its own
 * userdata, so the socket of two callbacks for one connection is two
 * different Lua values (two table keys), and `==` (and Renoise's `rawequal`)
 * compares the underlying connection, so they are equal. A callback's fresh
 * wrapper of an accepted connection goes to Lua as an alias of the
 * connection's one canonical wrapper (`LuaBridge.pushAlias`): its own
 * userdata all the same, without a host-side entry and finalizer each.
 *
 * @internal
 */
export function bindSocket(vm: LuaVm, api: SocketApi): SocketBinding {
  const created: SocketBase[] = [];
  let pruneAt = 256;
  const track = (s: SocketBase): void => {
    created.push(s);
    if (created.length < pruneAt) return;
    // Tools that make a client per reply would otherwise grow this list forever.
    const open = created.filter((c) => !isClosed(c));
    created.length = 0;
    created.push(...open);
    pruneAt = Math.max(256, open.length * 2);
  };
  const notifiers = new Map<SocketServer, LuaNotifier>();

  const clientClass: HostClass<SocketClient> = vm.defineClass(clientClassSpec());
  const client = (c: SocketClient): SocketClient => vm.wrap(c, clientClass);

  const dropNotifier = (s: SocketServer): void => {
    notifiers.get(s)?.dispose();
    notifiers.delete(s);
  };

  const serverClass = vm.defineClass(
    serverClassSpec(
      (s, notifier) => {
        const adapted = adaptLuaNotifier(vm, notifier, clientClass, canonicalWrapper);
        try {
          s.run(adapted.notifier);
        } catch (e) {
          adapted.dispose();
          throw e;
        }
        dropNotifier(s);
        notifiers.set(s, adapted);
      },
      (s) => {
        s.close();
        dropNotifier(s);
      },
    ),
  );

  const create_server: HostFunction = (...args) => {
    const [s, err] = (api.create_server as (...a: unknown[]) => LuaResult<SocketServer>)(...args);
    if (s === undefined) return multi(undefined, err);
    track(s);
    return vm.wrap(s, serverClass);
  };
  const create_client: HostFunction = (address, port, protocol, timeout) => {
    const [c, err] = api.create_client(address as string, port as number, protocol as never, timeout as number);
    if (c === undefined) return multi(undefined, err);
    track(c);
    return client(c);
  };

  return {
    table: {
      PROTOCOL_TCP: api.PROTOCOL_TCP,
      PROTOCOL_UDP: api.PROTOCOL_UDP,
      create_server,
      create_client,
    },
    wrapClient(c) {
      track(c);
      return client(c);
    },
    closeAll() {
      let n = 0;
      for (const s of created) {
        try {
          s.close();
          n++;
        } catch {
          // closed already
        }
      }
      for (const a of notifiers.values()) a.dispose();
      notifiers.clear();
      created.length = 0;
      return n;
    },
  };
}

/** `SocketClient` as Lua sees it. */
function clientClassSpec(): HostClassSpec<SocketClient> {
  return {
    typeName: "SocketClient",
    properties: {
      is_open: { get: (s) => s.is_open },
      local_address: { get: (s) => s.local_address },
      local_port: { get: (s) => s.local_port },
      peer_address: { get: (s) => s.peer_address },
      peer_port: { get: (s) => s.peer_port },
    },
    methods: {
      send: (s, message) => sendResult(s.send(message as SendMessage)),
      receive: (s, mode, timeout) => luaResult(s.receive(mode as ReceiveMode, timeout as number)),
      close: (s) => s.close(),
    },
    tostring: label,
    equals: sameSocket,
  };
}

/** `SocketServer` as Lua sees it; `run` and `close` are the binding's (they keep its notifiers). */
function serverClassSpec(
  run: (s: SocketServer, notifier: LuaValue) => void,
  close: (s: SocketServer) => void,
): HostClassSpec<SocketServer> {
  return {
    typeName: "SocketServer",
    properties: {
      is_open: { get: (s) => s.is_open },
      is_running: { get: (s) => s.is_running },
      local_address: { get: (s) => s.local_address },
      local_port: { get: (s) => s.local_port },
    },
    methods: {
      run,
      stop: (s) => s.stop(),
      wait: (s, timeout) => s.wait(timeout as number),
      close,
    },
    tostring: label,
    equals: sameSocket,
  };
}

/**
 * The socket classes as the tool VM template builds their metatables
 * (`LuaPreloadChunk.hostClasses`): each tool load's `bindSocket` then
 * takes them instead of building them.
 *
 * @internal
 */
export function socketClassTemplates(): HostClassSpec<object>[] {
  const unbound = (): never => {
    throw new Error("renoise-sim: a socket class member of the tool VM template ran");
  };
  return [clientClassSpec(), serverClassSpec(unbound, unbound)] as HostClassSpec<object>[];
}

/** `tostring()` of a socket: the double's description, e.g. `SocketClient(tcp 127.0.0.1:5->...)`. */
function label(s: object): ByteString {
  return text((s as { toString(): string }).toString());
}

/** Closed with close(): every property raises (R14). */
function isClosed(s: SocketBase): boolean {
  try {
    void s.is_open;
    return false;
  } catch {
    return true;
  }
}

function luaResult<T extends LuaInput>([value, error]: LuaResult<T>): HostResult {
  return error === undefined ? value : multi(undefined, error);
}

function sendResult([ok, error]: SendResult): HostResult {
  return error === undefined ? ok : multi(false, error);
}
