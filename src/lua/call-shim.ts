/**
 * The callback hot path's calls of Lua's C API, made from a small wasm
 * module of ours instead of from JavaScript (`call-shim.wat`, its source).
 * A call from JavaScript into the Lua module costs ~5–15 ns more than the
 * same call from another wasm module (`bench/parts.ts`: ~3 ns in the
 * machine's fast minutes, ~15 in its slow ones), and a `socket_message`
 * delivery made ~16 of them; through this module it makes three (the stage,
 * the arguments, and `lua_pcallk` from the bridge as without it).
 *
 * One instance per Lua module instance, its imports that instance's own
 * exports and memory. Where it cannot be made (a module without raw
 * exports, or whose functions have other signatures), the bridge makes the
 * same calls from JavaScript, as it did before.
 *
 * @internal
 */
import type { LuaC, LuaState } from "./wasm.js";
import { fromBase64, wasmCtors } from "./wasm-module.js";

/** What the module exports (see call-shim.wat for each function's contract). */
export interface CallShim {
  /**
   * Stages `t[name]` for a call: `base * 16 + same * 4 + code` (code 1 staged; 0 not a function; 2 `t` has a
   * metatable; 3 no stack room). `same`, when staged: 1 if the function is `registry[known][1]`.
   */
  stage(L: LuaState, msgh: number, cacheRef: number, tRef: number, name: number, known: number): number;
  /** Pushes, above the stage at `base`, an alias of the cached object and a string: 0, or NO_STAGE / NOT_CACHED (nothing pushed). */
  pushAlias(L: LuaState, base: number, mtRef: number, slot: number, magic: number, target: number, data: number, len: number): number;
  /** {@link pushAlias} with the cached object itself. */
  pushObject(L: LuaState, base: number, slot: number, data: number, len: number): number;
  /** {@link pushAlias} with nil in the object's place: 0, or NO_STAGE (nothing pushed). */
  pushNil(L: LuaState, base: number, data: number, len: number): number;
}

/** {@link CallShim.pushAlias} / `pushObject`: no stage above `base` (nothing was done). */
export const SHIM_NO_STAGE = -100;
/** {@link CallShim.pushAlias} / `pushObject`: the object is not in the cache (the stack is back at the stage). */
export const SHIM_NOT_CACHED = -101;

/** call-shim.wat assembled by wabt's wat2wasm (762 bytes), as base64. */
const MODULE_BASE64 =
  "AGFzbQEAAAABUAtgAX8Bf2ACf38AYAJ/fwF/YAN/f38AYAN/f34Bf2ADf39/AX9gAX8AYAZ/f39/f38Bf2AIf39/f39/f38Bf2AFf39/f38Bf2AEf39/fwF/AtYBDwFsBm1lbW9yeQIAAAFsBmdldHRvcAAAAWwGc2V0dG9wAAEBbApjaGVja3N0YWNrAAIBbAxwdXNoY2Nsb3N1cmUAAwFsB3Jhd2dldGkABAFsDGdldG1ldGF0YWJsZQACAWwIZ2V0ZmllbGQABQFsDW5ld3VzZXJkYXRhdXYABQFsDHNldG1ldGF0YWJsZQACAWwNc2V0aXVzZXJ2YWx1ZQAFAWwLcHVzaGxzdHJpbmcABQFsBnJvdGF0ZQADAWwIcmF3ZXF1YWwABQFsB3B1c2huaWwABgMFBAcICQoHLAQFc3RhZ2UADglwdXNoQWxpYXMADwpwdXNoT2JqZWN0ABAHcHVzaE5pbAARCo8DBKQBAQJ/IAAQAEECdCEGIABBChACRQRAIAZBA3IPCyAAIAFBABADIABB2PNCIAKsEAQaIABB2PNCIAOsEAQaIABBfxAFBEAgACAGQQJ1EAEgBkECcg8LIABBfyAEEAZBBkYEQCAAQdjzQiAFrBAEGiAAQX9CARAEGiAAQX9BfRAMIQcgAEF9EAEgBkECdEEFQQEgBxtyDwsgACAGQQJ1EAEgBkECdAuHAQEBfyAAEAAgAUEEakcEQEGcfw8LIAAgAUECaiADrBAERQRAIAAgAUEEahABQZt/DwsgACAGIAcQChogAEEIQQEQByEIIAggBDYCACAIIAU2AgQgAEHY80IgAqwQBBogAEF+EAgaIAAgAUEFakF/EAsgAEF+QQEQCRogACABQQVqQQEQC0EACzsAIAAQACABQQRqRwRAQZx/DwsgACABQQJqIAKsEARFBEAgACABQQRqEAFBm38PCyAAIAMgBBAKGkEACyIAIAAQACABQQRqRwRAQZx/DwsgABANIAAgAiADEAoaQQAL";

/** call-shim.wat's module, its bytes. */
export const CALL_SHIM_MODULE: Uint8Array = fromBase64(MODULE_BASE64);

/** The SHA-256 of the call-shim.wat these bytes were assembled from (`npm run wasm:embed` writes both). */
const SOURCE_SHA256 = "eeea676043150c0350f0f92c918aa84a0a90391920edd65b2251ee76cb799796";
export const CALL_SHIM_SOURCE_SHA256: string = SOURCE_SHA256;

let compiled: object | undefined;
/** The shim of each module instance (by its `LuaC`), or null where none could be made. */
const shims = new WeakMap<LuaC, CallShim | null>();

/** The shim bound to `c`'s instance, made on first use; undefined where it cannot be made. */
export function callShimFor(c: LuaC): CallShim | undefined {
  const known = shims.get(c);
  if (known !== undefined) return known ?? undefined;
  let shim: CallShim | null = null;
  const raw = (c as unknown as { rawExports?: Record<string, unknown> }).rawExports;
  if (raw !== undefined) {
    try {
      const Wasm = wasmCtors();
      if (Wasm === undefined) throw new Error("no WebAssembly");
      compiled ??= new Wasm.Module(CALL_SHIM_MODULE);
      const l: Record<string, unknown> = { memory: raw.memory };
      for (const name of IMPORTS) l[name] = raw[`lua_${name}`];
      shim = new Wasm.Instance(compiled, { l }).exports as CallShim;
    } catch {
      // A module whose functions differ (a LinkError): the bridge keeps making the calls itself.
      shim = null;
    }
  }
  shims.set(c, shim);
  return shim ?? undefined;
}

/** The Lua module's functions the shim imports (each `lua_<name>`). */
const IMPORTS = [
  "gettop",
  "settop",
  "checkstack",
  "pushcclosure",
  "rawgeti",
  "getmetatable",
  "getfield",
  "newuserdatauv",
  "setmetatable",
  "setiuservalue",
  "pushlstring",
  "rotate",
  "rawequal",
  "pushnil",
] as const;
