import { SocketLogicError } from "../../core/errors.js";
import type { ByteString } from "../../core/bytes.js";
import type { Notifier, SocketClient } from "./types.js";
import { show } from "./validate.js";

/** The callback names a notifier may define. */
export const CALLBACKS = ["socket_error", "socket_accepted", "socket_message"] as const;
export type CallbackName = (typeof CALLBACKS)[number];

/** Checks a notifier passed to run(): an object whose present callbacks are functions. */
export function checkNotifier(notifier: unknown): Notifier {
  if ((typeof notifier !== "object" && typeof notifier !== "function") || notifier === null) {
    throw new SocketLogicError(
      `SocketServer:run: notifier must be a table of callbacks or a class instance, got ${show(notifier)}`,
    );
  }
  const n = notifier as Record<string, unknown>;
  for (const name of CALLBACKS) {
    const cb = n[name];
    if (cb !== undefined && cb !== null && typeof cb !== "function") {
      throw new SocketLogicError(`SocketServer:run: notifier.${name} must be a function, got ${show(cb)}`);
    }
  }
  return notifier;
}

/** Looks a callback up when it is about to run (a tool may change its notifier while running). */
export function callbackOf(notifier: Notifier, name: CallbackName): ((...args: unknown[]) => void) | undefined {
  const cb = (notifier as Record<string, unknown>)[name];
  return typeof cb === "function" ? (cb as (...args: unknown[]) => void) : undefined;
}

/**
 * Whether callbacks get the notifier as `this`. As in Lua, a table's
 * functions are called plainly (`notifier.socket_message(client, message)`:
 * no self), and a class instance's methods get the instance (self). A plain
 * object (prototype `Object.prototype` or null) is a table; anything else is
 * a class instance. So a TypeScript notifier that would break once compiled
 * to Lua (TypeScriptToLua) breaks here too.
 */
export function callsWithSelf(notifier: Notifier): boolean {
  const proto: unknown = Object.getPrototypeOf(notifier);
  return proto !== Object.prototype && proto !== null;
}

/** {@link MessageRunner.look}: socket_message is not a function (not handled). */
export const RUN_NONE = 0;
/** {@link MessageRunner.look}: socket_message is a function, ready for {@link MessageRunner.run}. */
export const RUN_READY = 1;
/** {@link MessageRunner.look}: the runner cannot tell; look it up with {@link callbackOf}. */
export const RUN_SLOW = -1;

/**
 * What a binding may attach to a notifier it made (under
 * {@link MESSAGE_RUNNER}) to run a TCP connection's socket_message in fewer
 * steps than looking the callback up and calling it with a fresh wrapper:
 * a Lua table's (tool/lua-notifier.ts). It must behave exactly as that
 * lookup and call would.
 *
 * @internal
 */
export interface MessageRunner {
  /** Looks socket_message up now, as {@link callbackOf} would: RUN_NONE, RUN_READY or RUN_SLOW. */
  look(): number;
  /**
   * Right after a `look()` that returned RUN_READY: runs socket_message(socket, data).
   * `socket` is the connection's one long-lived wrapper, standing for a fresh one when `fresh`.
   * With `nilIfUnnamed`, a callback that never names its socket parameter gets nil there
   * (see `SemanticsOptions.unnamedSocket`).
   */
  run(socket: SocketClient, fresh: boolean, data: ByteString, nilIfUnnamed: boolean): void;
}

/** The key of a notifier's {@link MessageRunner}. */
export const MESSAGE_RUNNER: unique symbol = Symbol("renoise-sim.messageRunner");

/** The {@link MessageRunner} attached to `notifier`, if any. */
export function messageRunnerOf(notifier: Notifier): MessageRunner | undefined {
  return (notifier as { [MESSAGE_RUNNER]?: MessageRunner })[MESSAGE_RUNNER];
}
