import type { ByteString } from "../../core/bytes.js";

/** `renoise.Socket.PROTOCOL_TCP` (1) or `renoise.Socket.PROTOCOL_UDP` (2). */
export type Protocol = 1 | 2;

/** A Lua `value, error` pair: `[value, undefined]` on success, `[undefined, error]` on failure. */
export type LuaResult<T> = [T, undefined] | [undefined, string];

/** What `send` returns: `[true, undefined]` or `[false, error]`. */
export type SendResult = [true, undefined] | [false, string];

/** Receive modes: `"*line"` (alias `"*l"`), `"*all"`, or a byte count > 0. */
export type ReceiveMode = "*line" | "*l" | "*all" | number;

/** Anything `send` accepts: a byte string, bytes, or an object with `binary_data` (renoise.Osc). */
export type SendMessage = ByteString | Uint8Array | { readonly binary_data: ByteString };

/** Properties and `close()` shared by servers and clients (renoise.Socket.SocketBase). */
export interface SocketBase {
  /** True while the socket is valid and connected. Raises after `close()`. */
  readonly is_open: boolean;
  /** The resolved local address, e.g. "127.0.0.1" (or "0.0.0.0" for a server bound to any address). */
  readonly local_address: string;
  /** The local port. */
  readonly local_port: number;
  /** Closes the socket; afterwards every property and method raises. */
  close(): void;
}

/** renoise.Socket.SocketClient */
export interface SocketClient extends SocketBase {
  readonly peer_address: string;
  readonly peer_port: number;
  /** Sends bytes; never adds framing. Returns `[true]` or `[false, error]`. */
  send(message: SendMessage): SendResult;
  /**
   * Blocks up to `timeout_ms` of virtual time for data. Returns `[data]` or
   * `[undefined, "timeout" | "disconnected" | ...]`. A non-timeout error
   * closes the socket.
   */
  receive(mode: ReceiveMode, timeout_ms: number): LuaResult<ByteString>;
}

/** renoise.Socket.SocketServer */
export interface SocketServer extends SocketBase {
  /** True while the server is running. */
  readonly is_running: boolean;
  /** Starts serving: callbacks of `notifier` run on the host's GUI thread. */
  run(notifier: Notifier): void;
  /** Stops serving; the port stays bound and arriving data waits for the next `run()`. */
  stop(): void;
  /** Blocks for `timeout_ms` of virtual time, running this server's callbacks as events happen. */
  wait(timeout_ms: number): void;
}

/**
 * The notifier passed to `SocketServer.run`: a plain object of functions or
 * a class instance; every callback is optional. In TypeScript both forms are
 * called as methods (`this` is the notifier).
 */
export interface Notifier {
  /** An error in the server's background thread (raised only by injected faults). */
  socket_error?(error_message: string): void;
  /** TCP only: a new connection; `client` is a connected socket to reply through. */
  socket_accepted?(client: SocketClient): void;
  /** Bytes from a peer. For UDP, `client` is a "dummy" socket telling only the peer's address and port. */
  socket_message?(client: SocketClient, message: ByteString): void;
}
