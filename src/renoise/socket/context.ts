import type { Rng } from "../../core/rng.js";
import type { Trace } from "../../core/trace.js";
import type { BlockFrame } from "../../net/gui-thread.js";
import type { Host } from "../../net/host.js";
import type { Network } from "../../net/network.js";

/** Modelled choices a user may flip (see docs/semantics.md). */
export interface SemanticsOptions {
  /**
   * R18: may a UDP server reply through the "dummy" socket passed to
   * socket_message? Default false: `send` on it raises a logic error that
   * says to create a client to peer_address:peer_port.
   */
  udpDummyCanSend: boolean;
  /**
   * R25: "fresh" (default, like Renoise) passes a new wrapper object to every
   * callback; "stable" passes the same object for one connection every time.
   */
  connectionWrappers: "fresh" | "stable";
  /**
   * R25: what a Lua tool's `socket_message` callback that never names its
   * socket parameter is passed there (read from its bytecode). "nil"
   * (default): nil, and no wrapper is made; nothing the callback runs can
   * tell, except the debug library (`debug.getlocal` sees nil). "wrapper":
   * the wrapper a callback that names it gets.
   */
  unnamedSocket: "nil" | "wrapper";
  /**
   * R26: what happens when a notifier callback throws. "throw" (default)
   * records it in the trace and rethrows it from the next `advance()` /
   * `runUntilIdle()`; "record" only records it. The server keeps running.
   */
  onCallbackError: "throw" | "record";
}

/** What the renoise.Socket double needs from its simulation. */
export interface SimContext {
  readonly network: Network;
  readonly trace: Trace;
  readonly rng: Rng;
  readonly semantics: SemanticsOptions;
  now(): number;
  /**
   * Blocks `host`'s GUI thread with `frame` while virtual time runs, until
   * `done()` holds or `deadline` passes. Returns true if `done()` held.
   * With `settle`, events at the same virtual time are still delivered after
   * `done()` first holds.
   */
  block(host: Host, frame: BlockFrame, deadline: number, done: () => boolean, settle?: boolean): boolean;
  /** Raises the simulation's usage error when it is disposed (every call that starts work checks it). */
  assertActive(call: string): void;
  /** Records a callback that threw (see {@link SemanticsOptions.onCallbackError}). */
  callbackFailed(host: Host, callback: string, error: unknown): void;
}
