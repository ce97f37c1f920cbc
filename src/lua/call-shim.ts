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
   * Stages `t[name]` for a call: `base * 16 + seen * 4 + code` (code 1 staged; 0 not a function; 2 `t` has a
   * metatable; 3 no stack room). `seen`, when staged: what the table `registry[seenRef]` says of the function
   * (see {@link STAGE_UNSEEN}).
   */
  stage(L: LuaState, msgh: number, cacheRef: number, tRef: number, name: number, seenRef: number): number;
  /** Pushes, above the stage at `base`, an alias of the cached object and a string: 0, or NO_STAGE / NOT_CACHED (nothing pushed). */
  pushAlias(L: LuaState, base: number, mtRef: number, slot: number, magic: number, target: number, data: number, len: number): number;
  /** {@link pushAlias} with the cached object itself. */
  pushObject(L: LuaState, base: number, slot: number, data: number, len: number): number;
}

/** {@link CallShim.stage}'s `seen`: the staged function never sees its first argument (a number in the table). */
export const STAGE_UNSEEN = 2;
/** {@link CallShim.stage}'s `seen`: the staged function may see its first argument (a boolean in the table). */
export const STAGE_SEEN = 1;

/** {@link CallShim.pushAlias} / `pushObject`: no stage above `base` (nothing was done). */
export const SHIM_NO_STAGE = -100;
/** {@link CallShim.pushAlias} / `pushObject`: the object is not in the cache (the stack is back at the stage). */
export const SHIM_NOT_CACHED = -101;

/** call-shim.wat assembled by wabt's wat2wasm (707 bytes), as base64. */
const MODULE_BASE64 =
  "AGFzbQEAAAABRAlgAX8Bf2ACf38AYAJ/fwF/YAN/f38AYAN/f34Bf2ADf39/AX9gBn9/f39/fwF/YAh/f39/f39/fwF/YAV/f39/fwF/AtYBDwFsBm1lbW9yeQIAAAFsBmdldHRvcAAAAWwGc2V0dG9wAAEBbApjaGVja3N0YWNrAAIBbAxwdXNoY2Nsb3N1cmUAAwFsB3Jhd2dldGkABAFsDGdldG1ldGF0YWJsZQACAWwIZ2V0ZmllbGQABQFsDW5ld3VzZXJkYXRhdXYABQFsDHNldG1ldGF0YWJsZQACAWwNc2V0aXVzZXJ2YWx1ZQAFAWwLcHVzaGxzdHJpbmcABQFsBnJvdGF0ZQADAWwJcHVzaHZhbHVlAAEBbAZyYXdnZXQAAgMEAwYHCAciAwVzdGFnZQAOCXB1c2hBbGlhcwAPCnB1c2hPYmplY3QAEArvAgOnAQECfyAAEABBAnQhBiAAQQoQAkUEQCAGQQNyDwsgACABQQAQAyAAQdjzQiACrBAEGiAAQdjzQiADrBAEGiAAQX8QBQRAIAAgBkECdRABIAZBAnIPCyAAQX8gBBAGQQZGBEAgAEHY80IgBawQBBogAEF+EAwgAEF+EA0hByAAQX0QASAGQQJ0QQlBBUEBIAdBAUYbIAdBA0Ybcg8LIAAgBkECdRABIAYLhwEBAX8gABAAIAFBBGpHBEBBnH8PCyAAIAFBAmogA6wQBEUEQCAAIAFBBGoQAUGbfw8LIAAgBiAHEAoaIABBCEEBEAchCCAIIAQ2AgAgCCAFNgIEIABB2PNCIAKsEAQaIABBfhAIGiAAIAFBBWpBfxALIABBfkEBEAkaIAAgAUEFakEBEAtBAAs7ACAAEAAgAUEEakcEQEGcfw8LIAAgAUECaiACrBAERQRAIAAgAUEEahABQZt/DwsgACADIAQQChpBAAs=";

/** call-shim.wat's module, its bytes. */
export const CALL_SHIM_MODULE: Uint8Array = fromBase64(MODULE_BASE64);

/** The SHA-256 of the call-shim.wat these bytes were assembled from (`npm run wasm:embed` writes both). */
const SOURCE_SHA256 = "b1578385d9471d0dc10517bdcb19707a61e1fd1203b519ac4b3b2d19046f8fb2";
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
  "pushvalue",
  "rawget",
] as const;
