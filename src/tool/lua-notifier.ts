import { SocketLogicError } from "../core/errors.js";
import { LuaRef, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import { CALLBACKS } from "../renoise/socket/notifier.js";
import type { Notifier } from "../renoise/socket/types.js";
import { luaTypeOf } from "./tables.js";

/** A TypeScript notifier standing for a Lua one; `dispose()` releases the Lua table. @internal */
export interface LuaNotifier {
  readonly notifier: Notifier;
  dispose(): void;
}

/**
 * Adapts the notifier a tool passes to `server:run()` for the renoise.Socket
 * double: a table of plain functions (called without `self`) or a class
 * instance (`renoise.vm.renoiseType` names a class; methods get `self`).
 *
 * Callbacks are looked up when they are about to run, as the double does for
 * TypeScript notifiers, so a tool may add or replace them later. Arguments
 * go through `convert` (socket objects become userdata). A Lua error inside a
 * callback is thrown as the `LuaError` (Lua message and traceback), which the
 * double records as `callback.error` and rethrows as a `CallbackError`.
 *
 * @internal
 */
export function adaptLuaNotifier(
  vm: LuaVm,
  value: LuaValue,
  convert: (args: unknown[]) => LuaInput[],
): LuaNotifier {
  if (!(value instanceof LuaRef) || value.type !== "table") {
    throw new SocketLogicError(
      `SocketServer:run: notifier must be a table of callbacks or a class instance, got ${luaTypeOf(value)}`,
    );
  }
  const type = vm.renoiseType(value);
  const isInstance = type !== "table" && !type.endsWith(" class");
  for (const name of CALLBACKS) {
    const cb = value.get(name);
    const bad = cb !== undefined && !(cb instanceof LuaRef && cb.type === "function");
    if (cb instanceof LuaRef) cb.release();
    if (bad) {
      throw new SocketLogicError(`SocketServer:run: notifier.${name} must be a function, got ${luaTypeOf(cb)}`);
    }
  }
  const table = value.retain();
  // The function looked up by the last getter call, released once called (or at the next lookup).
  const pending = new Map<string, LuaRef>();
  const notifier: Notifier = {};
  for (const name of CALLBACKS) {
    Object.defineProperty(notifier, name, {
      enumerable: true,
      get: () => {
        pending.get(name)?.release();
        pending.delete(name);
        if (table.isReleased) return undefined;
        const fn = table.get(name);
        if (!(fn instanceof LuaRef)) return undefined;
        if (fn.type !== "function") {
          fn.release();
          return undefined;
        }
        pending.set(name, fn);
        return (...args: unknown[]): void => {
          try {
            if (isInstance) fn.call(table, ...convert(args));
            else fn.call(...convert(args));
          } finally {
            fn.release();
            if (pending.get(name) === fn) pending.delete(name);
          }
        };
      },
    });
  }
  return {
    notifier,
    dispose() {
      for (const fn of pending.values()) fn.release();
      pending.clear();
      table.release();
    },
  };
}
