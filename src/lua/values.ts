import type { ByteString } from "../core/bytes.js";
import type { LuaRef } from "./ref.js";

/**
 * A JS object exposed to Lua as userdata through a {@link HostClass}
 * (see `LuaVm.defineClass` / `LuaVm.wrap`). Lua gets the same userdata for
 * the same JS object, and passing it back to JS gives the object itself.
 */
export type HostObject = object;

/**
 * A Lua value as JS callbacks receive it and as calls into Lua return it:
 * `nil` → `undefined`, booleans and numbers as such (integers and floats
 * both become `number`), strings as byte strings (one char per byte),
 * wrapped host objects as the JS object, and tables, functions, threads and
 * other userdata as a {@link LuaRef}.
 */
export type LuaValue = undefined | boolean | number | ByteString | LuaRef | HostObject;

/** A JS function callable from Lua. `this` is not used. */
export type HostFunction = (...args: LuaValue[]) => HostResult;

/**
 * What can be passed into Lua: a {@link LuaValue}, `null` (nil), a bigint
 * (Lua integer), a `Uint8Array` (string bytes), a {@link HostFunction}, a JS
 * array (becomes a Lua sequence) or a plain object (becomes a table with
 * string keys), nested arbitrarily (no cycles).
 */
export type LuaInput =
  | LuaValue
  | null
  | bigint
  | Uint8Array
  | HostFunction
  | LuaRecords
  | readonly LuaInput[]
  | { readonly [key: string]: LuaInput };

/**
 * A list of records with the same fields, pushed into Lua as a sequence of
 * tables holding `keys` (in that order; a field whose value is undefined is
 * left out): what the same array of plain objects becomes, in fewer
 * crossings (for lists Lua asks for often, such as an OSC message's
 * `arguments`).
 */
export class LuaRecords {
  constructor(
    readonly records: readonly { readonly [key: string]: LuaInput }[],
    readonly keys: readonly string[],
  ) {}
}

/** Several return values of a {@link HostFunction}; build it with {@link multi}. */
export class LuaMulti {
  constructor(readonly values: readonly LuaInput[]) {}
}

/** What a {@link HostFunction} may return: nothing, one value or {@link multi}. */
export type HostResult = LuaInput | LuaMulti | void;

/** Returns several values from a {@link HostFunction} (`return a, b, c` in Lua). */
export function multi(...values: LuaInput[]): LuaMulti {
  return new LuaMulti(values);
}
