import type { LuaBridge } from "./bridge.js";
import type { LuaRef } from "./ref.js";
import { REGISTRY, T } from "./wasm.js";

/**
 * The store of values Lua keeps per host object (`HostClassSpec.constant`
 * and `keptLists`): one table per Lua state, with weak keys (the userdata),
 * made on first use. Kept apart from the bridge: only classes that keep
 * values ever make one.
 */
const stores = new WeakMap<LuaBridge, bigint>();

/** The store of `bridge`'s Lua state (see {@link stores}); a ref owned by the caller. */
export function keptStore(bridge: LuaBridge): LuaRef {
  const c = bridge.c;
  const L = bridge.current;
  let key = stores.get(bridge);
  if (key === undefined) {
    if (!c._lua_checkstack(L, 4)) throw new RangeError("keptStore: Lua stack overflow");
    c._lua_createtable(L, 0, 0); // s
    c._lua_createtable(L, 0, 1); // s, w
    bridge.bytes.push(L, "__mode");
    bridge.bytes.push(L, "k");
    c._lua_rawset(L, -3); // s, w
    c._lua_setmetatable(L, -2); // s
    key = BigInt(c._luaL_ref(L, REGISTRY));
    stores.set(bridge, key);
  }
  c._lua_rawgeti(L, REGISTRY, key);
  const ref = bridge.refAt(L, -1);
  c._lua_settop(L, -2);
  return ref;
}

/**
 * Empties `bridge`'s store in place (no Lua code runs): Lua reads every kept
 * value from the host again. An object that had its own metatable (see
 * `own` in helpers.ts: the class's, named by its `__metatable` field) gets
 * its class's back. For the host's value-cache check, when a kept list may
 * have changed.
 */
export function flushKept(bridge: LuaBridge): void {
  const key = stores.get(bridge);
  if (key === undefined || bridge.closed) return;
  const c = bridge.c;
  const L = bridge.current;
  if (!c._lua_checkstack(L, 6)) throw new RangeError("flushKept: Lua stack overflow");
  c._lua_rawgeti(L, REGISTRY, key); // s
  c._lua_pushnil(L); // s, nil
  while (c._lua_next(L, -2) !== 0) {
    // s, k, v: clearing the field being traversed is allowed
    c._lua_settop(L, -2); // s, k
    if (c._lua_getmetatable(L, -1) !== 0) {
      // s, k, m
      bridge.bytes.push(L, "__metatable"); // s, k, m, "__metatable"
      c._lua_rawget(L, -2); // s, k, m, class metatable or nil
      if (c._lua_type(L, -1) === T.TABLE) c._lua_setmetatable(L, -3); // s, k, m
      else c._lua_settop(L, -2); // s, k, m
      c._lua_settop(L, -2); // s, k
    }
    c._lua_pushvalue(L, -1); // s, k, k
    c._lua_pushnil(L); // s, k, k, nil
    c._lua_rawset(L, -4); // s, k
  }
  c._lua_settop(L, -2);
}
