import { SocketLogicError } from "../core/errors.js";
import type { AliasOf, HostClassSlot } from "../lua/bridge.js";
import { LuaRef, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import { T } from "../lua/wasm.js";
import { CALLBACKS, MESSAGE_RUNNER, RUN_NONE, RUN_READY, RUN_SLOW, type MessageRunner } from "../renoise/socket/notifier.js";
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
 * TypeScript notifiers, so a tool may add or replace them later. Object
 * arguments (the socket) become userdata of `socketClass` (or, where
 * `aliasOf` names an object for one, an alias of that object's userdata: see
 * `LuaBridge.pushAlias`). A Lua error inside a
 * callback is thrown as the `LuaError` (Lua message and traceback), which the
 * double records as `callback.error` and rethrows as a `CallbackError`.
 *
 * Hot path (a table without a metatable, as most tools pass): the lookup is
 * a raw read of the field, which runs no Lua code, and the call reads the
 * field again in the same way, so no ref or closure is made per callback.
 * The double calls what the getter returned right away (no Lua code runs in
 * between), so both reads see the same function. A table with a metatable
 * (a class instance) is looked up in protected mode (its `__index` may run
 * Lua code), once, and the function found is the one called.
 *
 * @internal
 */
export function adaptLuaNotifier(vm: LuaVm, value: LuaValue, socketClass: HostClassSlot, aliasOf?: AliasOf): LuaNotifier {
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
  const bridge = vm.bridge;
  const table = value.retain();
  // The function looked up (in protected mode) by the last getter call, released once called (or at the next lookup).
  const pending = new Map<string, LuaRef>();
  const notifier: Notifier = {};
  for (const name of CALLBACKS) {
    // One function per callback name, made once: calls table[name] read raw.
    const direct = (...args: unknown[]): void => {
      bridge.callField(table, name, isInstance, args as LuaInput[], socketClass, aliasOf);
    };
    const lookUp = (): ((...args: unknown[]) => void) | undefined => {
      const fn = table.get(name);
      if (!(fn instanceof LuaRef)) return undefined;
      if (fn.type !== "function") {
        fn.release();
        return undefined;
      }
      pending.set(name, fn);
      return (...args: unknown[]): void => {
        try {
          bridge.callRefVoid(fn, (isInstance ? [table, ...args] : args) as LuaInput[], socketClass, aliasOf);
        } finally {
          fn.release();
          if (pending.get(name) === fn) pending.delete(name);
        }
      };
    };
    Object.defineProperty(notifier, name, {
      enumerable: true,
      get: () => {
        const stale = pending.get(name);
        if (stale !== undefined) {
          stale.release();
          pending.delete(name);
        }
        if (table.isReleased) return undefined;
        const t = bridge.rawFieldType(table, name);
        if (t === -1) return lookUp();
        return t === T.FUNCTION ? direct : undefined;
      },
    });
  }
  if (!isInstance && aliasOf !== undefined) {
    const runner: MessageRunner = {
      look() {
        const stale = pending.size === 0 ? undefined : pending.get("socket_message");
        if (stale !== undefined) {
          stale.release();
          pending.delete("socket_message");
        }
        if (table.isReleased) return RUN_NONE;
        const found = bridge.stageField(table, "socket_message");
        return found === 1 ? RUN_READY : found === 0 ? RUN_NONE : RUN_SLOW;
      },
      run(socket, fresh, data, nilIfUnnamed) {
        bridge.callStaged(socket, socketClass, fresh, data, nilIfUnnamed);
      },
    };
    Object.defineProperty(notifier, MESSAGE_RUNNER, { value: runner });
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
