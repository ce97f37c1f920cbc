/**
 * Low-level access to wasmoon's WebAssembly build of C Lua 5.4.
 *
 * We bypass wasmoon's high-level engine (`global.get/set`, automatic string
 * conversion) because it routes strings through UTF-8 C strings: it truncates
 * at NUL and rewrites invalid UTF-8. Instead we call the exported C functions
 * (`module._lua_*`) directly with pointers into the module's heap.
 *
 * @internal
 */
import { NUMBER_TEXT_51_EXPORT, patchLuaModule } from "./wasm-patch.js";
import type * as Wasmoon from "wasmoon";
import { nodeRequire } from "../core/node-require.js";

/** A `lua_State*`: an address in the module's memory. */
export type LuaState = number;

/** Pseudo-index of the registry (`LUA_REGISTRYINDEX`). */
export const REGISTRY = -1_000_000 - 1000;
/** Registry slot of the globals table (`LUA_RIDX_GLOBALS`). */
export const RIDX_GLOBALS = 2n;
/** `LUA_MULTRET`. */
export const MULTRET = -1;
/** `LUA_MASKCOUNT`. */
export const MASK_COUNT = 8;

/** `lua_upvalueindex(i)`. */
export function upvalueIndex(i: number): number {
  return REGISTRY - i;
}

/** Lua type tags (`LUA_T*`). */
export const T = {
  NONE: -1,
  NIL: 0,
  BOOLEAN: 1,
  LIGHTUSERDATA: 2,
  NUMBER: 3,
  STRING: 4,
  TABLE: 5,
  FUNCTION: 6,
  USERDATA: 7,
  THREAD: 8,
} as const;

/** Status codes of `lua_pcall` / `luaL_load*`. */
export const STATUS = { OK: 0, YIELD: 1, ERRRUN: 2, ERRSYNTAX: 3, ERRMEM: 4, ERRERR: 5 } as const;

/**
 * The exported C functions we use, called without any conversion:
 * pointers and `int`s are numbers, `lua_Integer` is a bigint.
 */
export interface LuaC {
  readonly HEAPU8: Uint8Array;
  readonly HEAPU32: Uint32Array;
  readonly HEAP32: Int32Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  addFunction(fn: (...args: number[]) => number | void, sig: string): number;
  removeFunction(ptr: number): void;

  _luaL_newstate(): LuaState;
  _luaL_openlibs(L: LuaState): void;
  _lua_close(L: LuaState): void;
  _lua_getallocf(L: LuaState, ud: number): number;
  _lua_setallocf(L: LuaState, f: number, ud: number): void;
  _lua_atpanic(L: LuaState, fn: number): number;
  _lua_sethook(L: LuaState, fn: number, mask: number, count: number): void;

  _lua_gettop(L: LuaState): number;
  _lua_settop(L: LuaState, idx: number): void;
  _lua_absindex(L: LuaState, idx: number): number;
  _lua_pushvalue(L: LuaState, idx: number): void;
  _lua_rotate(L: LuaState, idx: number, n: number): void;
  _lua_checkstack(L: LuaState, n: number): number;

  _lua_type(L: LuaState, idx: number): number;
  _lua_isinteger(L: LuaState, idx: number): number;
  _lua_tonumberx(L: LuaState, idx: number, isnum: number): number;
  _lua_tointegerx(L: LuaState, idx: number, isnum: number): bigint;
  _lua_toboolean(L: LuaState, idx: number): number;
  _lua_tolstring(L: LuaState, idx: number, len: number): number;
  _lua_touserdata(L: LuaState, idx: number): number;
  _lua_topointer(L: LuaState, idx: number): number;
  _lua_dump(L: LuaState, writer: number, data: number, strip: number): number;
  _lua_rawequal(L: LuaState, a: number, b: number): number;
  _lua_rawlen(L: LuaState, idx: number): bigint;

  _lua_pushnil(L: LuaState): void;
  _lua_pushnumber(L: LuaState, n: number): void;
  _lua_pushinteger(L: LuaState, n: bigint): void;
  _lua_pushlstring(L: LuaState, ptr: number, len: number): number;
  _lua_pushboolean(L: LuaState, b: number): void;
  _lua_pushcclosure(L: LuaState, fn: number, n: number): void;

  _lua_createtable(L: LuaState, narr: number, nrec: number): void;
  _lua_newuserdatauv(L: LuaState, size: number, nuv: number): number;
  _lua_setiuservalue(L: LuaState, idx: number, n: number): number;
  _lua_rawget(L: LuaState, idx: number): number;
  _lua_rawset(L: LuaState, idx: number): void;
  _lua_rawgeti(L: LuaState, idx: number, n: bigint): number;
  _lua_rawseti(L: LuaState, idx: number, n: bigint): void;
  _lua_getmetatable(L: LuaState, idx: number): number;
  _lua_setmetatable(L: LuaState, idx: number): number;
  _lua_next(L: LuaState, idx: number): number;

  _luaL_ref(L: LuaState, t: number): number;
  _luaL_unref(L: LuaState, t: number, ref: number): void;
  _luaL_loadbufferx(L: LuaState, buf: number, size: number, name: number, mode: number): number;
  _lua_pcallk(L: LuaState, nargs: number, nresults: number, msgh: number, ctx: number, k: number): number;
  _lua_error(L: LuaState): number;
  _luaL_traceback(L: LuaState, L1: LuaState, msg: number, level: number): void;
  _luaL_tolstring(L: LuaState, idx: number, len: number): number;
  _luaL_where(L: LuaState, level: number): void;
}

/** The slice of the `WebAssembly` global used here (the project builds without the DOM lib). */
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
type WasmImports = Record<string, unknown>;
interface WasmApi {
  instantiate: (source: unknown, imports?: WasmImports) => Promise<unknown>;
  compile(bytes: unknown): Promise<object>;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The compiled Lua module, shared by every VM of the process (compiled on first use). */
let compiled: Promise<object> | undefined;
/** Instances made by {@link sharedInstantiate} whose module object has not been picked up yet. */
const fresh: WasmInstance[] = [];
/** How many {@link loadLuaModule} calls are waiting for wasmoon (the patch stays while > 0). */
let pending = 0;
let realInstantiate: WasmApi["instantiate"] | undefined;

/**
 * Stands in for `WebAssembly.instantiate` while wasmoon sets up a module:
 * the glue's call (recognised by its emscripten import object, whose `env`
 * and `wasi_snapshot_preview1` are one object) gets a new instance of the
 * module compiled once per process; any other call goes to the real one.
 */
function sharedInstantiate(source: unknown, imports?: WasmImports): Promise<unknown> {
  const real = realInstantiate!;
  const isGlue =
    imports !== undefined &&
    imports.env !== undefined &&
    imports.env === imports.wasi_snapshot_preview1 &&
    (ArrayBuffer.isView(source) || source instanceof ArrayBuffer);
  if (!isGlue) return real.call(Wasm, source, imports);
  const module = (compiled ??= Wasm.compile(patchedModule(source as Uint8Array | ArrayBuffer)));
  const bindInvoke = replaceInvoke(imports.env as Record<string, unknown>);
  return module.then(async (m) => {
    const instance = (await real.call(Wasm, m, imports)) as WasmInstance;
    bindInvoke(instance.exports);
    fresh.push(instance);
    return { module: m, instance };
  });
}

/** The module's bytes as compiled: with the count-hook change of wasm-patch.ts where it applies. */
function patchedModule(source: Uint8Array | ArrayBuffer): Uint8Array {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  const patch = patchLuaModule(bytes);
  luaModuleInfo.countsSteps = patch.countsSteps;
  luaModuleInfo.numberText51 = patch.numberText51;
  return patch.bytes;
}

/**
 * What the compiled Lua module is: `countsSteps` is true when its count
 * hook counts steps (jumps, calls, returns...; see wasm-patch.ts), false
 * when it counts every instruction; `numberText51` is true when each
 * instance has the switch that makes C Lua write numbers as 5.1 does
 * ({@link setNumberText51}). Set when the module is first compiled.
 */
export const luaModuleInfo = { countsSteps: false, numberText51: false };

/**
 * True when 5.1's number text, asked for by `lua51Numbers`, must be made
 * by Lua code: `tostring` and `table.concat` wrapped by the prelude and the
 * operands of `..` by the front end (a module without the switch).
 */
export function numberText51InLua(lua51Numbers: boolean): boolean {
  return lua51Numbers && !luaModuleInfo.numberText51;
}

/**
 * Turns the instance's number-text switch on (numbers become text as Lua
 * 5.1 writes them, in every conversion C Lua makes: `..`, `tostring`,
 * `lua_tolstring`...) or off (5.4's text). Returns false, changing
 * nothing, when the module has no switch ({@link luaModuleInfo}).
 */
export function setNumberText51(c: LuaC, on: boolean): boolean {
  if (!luaModuleInfo.numberText51) return false;
  const raw = (c as unknown as { rawExports?: Record<string, unknown> }).rawExports;
  const sw = raw?.[NUMBER_TEXT_51_EXPORT] as { value: number } | undefined;
  if (sw === undefined) return false;
  sw.value = on ? 1 : 0;
  return true;
}

/** The slice of a `WebAssembly.Table` of functions used here. */
interface FunctionTable {
  get(index: number): ((a: number, b: number) => void) | null;
  set(index: number, value: unknown): void;
}

/**
 * Replaces the glue's `invoke_vii` import, through which every protected
 * call of C Lua runs (`lua_pcall`, Lua's `pcall`, each `__gc` finalizer:
 * emscripten's setjmp), by one doing the same without the glue's
 * assertions: the glue's reads the function table twice per call (a check
 * of its mirror of the table) and saves the stack through an assertion
 * wrapper that formats a message on every call. Functions are read from
 * the table once per index (a write to the table forgets the index).
 * Returns what binds it to the instance's exports once instantiated.
 */
function replaceInvoke(env: Record<string, unknown>): (exports: Record<string, unknown>) => void {
  if (typeof env.invoke_vii !== "function") return () => undefined;
  let stackSave: () => number = () => 0;
  let stackRestore: (sp: number) => void = () => undefined;
  let setThrew: (threw: number, value: number) => void = () => undefined;
  let table: FunctionTable | undefined;
  const fns: (((a: number, b: number) => void) | null | undefined)[] = [];
  env.invoke_vii = (index: number, a: number, b: number): void => {
    const sp = stackSave();
    try {
      let fn = fns[index];
      if (fn === undefined) fn = fns[index] = table!.get(index);
      fn!(a, b);
    } catch (e) {
      stackRestore(sp);
      // A longjmp is thrown as a number; anything else is a real exception.
      if (e !== (e as number) + 0) throw e;
      setThrew(1, 0);
    }
  };
  return (exports) => {
    stackSave = exports.stackSave as typeof stackSave;
    stackRestore = exports.stackRestore as typeof stackRestore;
    setThrew = exports.setThrew as typeof setThrew;
    const t = exports.__indirect_function_table as FunctionTable;
    const proto = Object.getPrototypeOf(t) as FunctionTable;
    // The glue writes the table through this object (addFunction, removeFunction).
    Object.defineProperty(t, "set", {
      value(index: number, value: unknown): void {
        fns[index] = undefined;
        proto.set.call(t, index, value);
      },
    });
    table = t;
  };
}

/**
 * Points the module's exported C functions (`_lua_*`, `_malloc`, ...) at the
 * raw wasm exports. wasmoon's build wraps each one in an assertion wrapper
 * (it builds a message string on every call and forwards through `apply`);
 * the functions it calls are the same.
 */
function unwrapExports(module: Record<string, unknown>): void {
  const heap = (module.HEAPU8 as Uint8Array).buffer;
  const i = fresh.findIndex((inst) => (inst.exports.memory as { buffer: ArrayBufferLike }).buffer === heap);
  if (i < 0) return;
  const exports = fresh[i]!.exports;
  fresh.splice(i, 1);
  Object.defineProperty(module, "rawExports", { value: exports });
  for (const key of Object.keys(module)) {
    if (key.charCodeAt(0) !== 95 /* _ */) continue;
    const raw = exports[key.slice(1)];
    if (typeof raw === "function" && typeof module[key] === "function") module[key] = raw;
  }
}

/**
 * Instantiates a fresh copy of the Lua WebAssembly module. The module is
 * compiled once per process; each VM gets its own instance (its own memory),
 * so its memory layout — and therefore Lua's string-hash seed, `pairs` order
 * and `tostring({})` addresses — depends only on what the VM itself did.
 */
export async function loadLuaModule(): Promise<LuaC> {
  // wasmoon is loaded with the first VM, not when renoise-sim is imported, and by require: an import of
  // this CommonJS package costs Node a scan of its 150 KB for export names (~90 ms against ~13 ms).
  const { LuaWasm } = nodeRequire("wasmoon") as typeof Wasmoon;
  if (pending++ === 0) {
    realInstantiate = Wasm.instantiate;
    Wasm.instantiate = sharedInstantiate;
  }
  let module: Record<string, unknown>;
  try {
    module = (await LuaWasm.initialize()).module as unknown as Record<string, unknown>;
    unwrapExports(module);
  } finally {
    if (--pending === 0) {
      Wasm.instantiate = realInstantiate!;
      realInstantiate = undefined;
      fresh.length = 0;
    }
  }
  return module as unknown as LuaC;
}

/**
 * `luaL_newstate` with the wall clock frozen at 0: C Lua mixes `time(NULL)`
 * into its string-hash seed (so into `pairs` order); emscripten reads that
 * time from `Date.now`. Freezing it makes the seed, and iteration order,
 * reproducible.
 */
export function newDeterministicState(c: LuaC): LuaState {
  const realNow = Date.now; // eslint-disable-line no-restricted-properties -- restored right below
  // eslint-disable-next-line no-restricted-properties -- freeze the clock C Lua reads for its hash seed
  Date.now = () => 0;
  try {
    return c._luaL_newstate();
  } finally {
    // eslint-disable-next-line no-restricted-properties -- restore the real clock
    Date.now = realNow;
  }
}
