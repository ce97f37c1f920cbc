import type { ByteString } from "../core/bytes.js";
import type { LuaBridge } from "./bridge.js";
import type { LuaInput, LuaValue } from "./values.js";

/** Lua type names a {@link LuaRef} can have. */
export type LuaRefType = "table" | "function" | "userdata" | "thread" | "lightuserdata";

/**
 * A handle on a Lua table, function, thread or userdata, kept alive in the
 * Lua registry (`luaL_ref`).
 *
 * Refs passed as arguments to a JS callback are *borrowed*: they are released
 * when the callback returns unless you call {@link retain} (e.g. to store a
 * notifier function). Refs returned by calls into Lua belong to the caller;
 * call {@link release} when done (forgetting it leaks one registry slot).
 */
export class LuaRef {
  /** @internal true while borrowed by a running callback. */
  borrowed = false;
  private released = false;
  #key: bigint | undefined;

  /** @internal */
  constructor(
    private readonly bridge: LuaBridge,
    /** The `luaL_ref` index in the registry. */
    readonly ref: number,
    /** Lua type of the referenced value. */
    readonly type: LuaRefType,
  ) {}

  /** @internal {@link ref} as the `lua_Integer` that `lua_rawgeti` takes (made once, not per push). */
  get key(): bigint {
    return (this.#key ??= BigInt(this.ref));
  }

  /** Keeps a borrowed ref alive after the callback returns. Returns `this`. */
  retain(): this {
    this.borrowed = false;
    return this;
  }

  /** Frees the registry slot; the ref must not be used afterwards. Idempotent. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.bridge.unref(this.ref);
  }

  /** True once {@link release}d. */
  get isReleased(): boolean {
    return this.released;
  }

  /**
   * Calls the referenced value (`f(...)`) in protected mode and returns all
   * its results. Lua errors become a thrown `LuaError`.
   */
  call(...args: LuaInput[]): LuaValue[] {
    return this.bridge.callRef(this, args);
  }

  /**
   * Calls method `name` on the referenced object (`obj:name(...)`): the
   * notifier-table / class-instance pattern. Throws a `LuaError` if there is
   * no such method.
   */
  callMethod(name: ByteString, ...args: LuaInput[]): LuaValue[] {
    return this.bridge.callHelper("method", [this, name, ...args]);
  }

  /** `obj[key]` (metamethods apply), in protected mode. */
  get(key: LuaInput): LuaValue {
    return this.bridge.callHelper("get", [this, key])[0];
  }

  /** `obj[key] = value` (metamethods apply), in protected mode. */
  set(key: LuaInput, value: LuaInput): void {
    this.bridge.callHelper("set", [this, key, value]);
  }

  /** @internal asserts the ref is usable (by `bridge`, if given). */
  check(bridge?: LuaBridge): void {
    if (this.released) throw new TypeError(`LuaRef: ${this.type} ref ${this.ref} was released`);
    if (bridge && bridge !== this.bridge) throw new TypeError("LuaRef: this ref belongs to another Lua VM");
  }
}
