/**
 * `lua_close` for a state whose memory is thrown away afterwards.
 *
 * Closing a Lua state runs the pending finalizers (`__gc`: a file flushed,
 * a class's `__finalize`, the bridge's own bookkeeping) and then frees every
 * object one by one. In an instance whose memory is dropped or overwritten
 * by a snapshot right after (every VM of the pool, see pool.ts), the frees
 * do nothing useful, and with the tool API's template in every VM they were
 * most of the cost of a close (dlmalloc's `free` for each of ~10,000+
 * objects). So before `lua_close` the state's allocator is swapped for one
 * that forwards allocations to the original allocator and ignores frees
 * (`nsize == 0`): the finalizers run as before, in the same order, with the
 * same allocations; only the memory is not handed back to malloc.
 *
 * The replacement is a 4-instruction WebAssembly function of its own module
 * that imports the original allocator (a wasm function of the same
 * instance), so a free costs a wasm-to-wasm call, no JS.
 *
 * @internal
 */
import { REGISTRY, T, type LuaC, type LuaState } from "./wasm.js";

/**
 * ```wat
 * (module
 *   (import "m" "a" (func $orig (param i32 i32 i32 i32) (result i32)))
 *   (func (export "alloc") (param $ud i32) (param $ptr i32) (param $osize i32) (param $nsize i32) (result i32)
 *     (if (result i32) (i32.eqz (local.get $nsize))
 *       (then (i32.const 0))
 *       (else (call $orig (local.get $ud) (local.get $ptr) (local.get $osize) (local.get $nsize))))))
 * ```
 */
// prettier-ignore
const NO_FREE_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x09, 0x01, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, // type 0: (i32 i32 i32 i32) -> i32
  0x02, 0x07, 0x01, 0x01, 0x6d, 0x01, 0x61, 0x00, 0x00, // import "m" "a": func of type 0
  0x03, 0x02, 0x01, 0x00, // one function of type 0
  0x07, 0x09, 0x01, 0x05, 0x61, 0x6c, 0x6c, 0x6f, 0x63, 0x00, 0x01, // export "alloc" = function 1
  0x0a, 0x17, 0x01, 0x15, 0x00,
  0x20, 0x03, 0x45, 0x04, 0x7f, 0x41, 0x00, 0x05, // nsize == 0 ? 0 :
  0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0x20, 0x03, 0x10, 0x00, // orig(ud, ptr, osize, nsize)
  0x0b, 0x0b,
]);

/** The slice of the `WebAssembly` global used here (the project builds without the DOM lib). */
interface WasmSync {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmSync }).WebAssembly;

interface RawTable {
  get(index: number): unknown;
}

let compiled: object | undefined;

/** Per module instance (its `LuaC`): the table index of its no-free allocator, per original allocator index. */
const made = new WeakMap<LuaC, Map<number, number>>();

/**
 * The table index of an allocator that ignores frees and forwards the rest
 * to the allocator at `orig`, added to `c`'s function table on first use;
 * 0 when the module does not expose its table.
 */
function noFreeAllocator(c: LuaC, orig: number): number {
  let byOrig = made.get(c);
  if (byOrig === undefined) made.set(c, (byOrig = new Map<number, number>()));
  const known = byOrig.get(orig);
  if (known !== undefined) return known;
  const table = (c as unknown as { rawExports?: { __indirect_function_table?: RawTable } }).rawExports?.__indirect_function_table;
  const original = table?.get(orig);
  let index = 0;
  if (typeof original === "function") {
    compiled ??= new Wasm.Module(NO_FREE_WASM);
    const alloc = new Wasm.Instance(compiled, { m: { a: original } }).exports.alloc as (...args: number[]) => number;
    index = c.addFunction(alloc, "iiiii");
  }
  byOrig.set(orig, index);
  return index;
}

/** Pushes the string "__gc" (through a scratch copy in the module heap). */
function pushGcKey(c: LuaC, L: LuaState): void {
  const p = c._malloc(4);
  c.HEAPU8.set([0x5f, 0x5f, 0x67, 0x63], p);
  c._lua_pushlstring(L, p, 4);
  c._free(p);
}

/**
 * Closes `L` (finalizers run as in `lua_close`) without freeing its
 * objects' memory: only for a state whose instance memory is dropped or
 * restored from a snapshot before anything else runs in it.
 */
export function closeDiscardingMemory(c: LuaC, L: LuaState, quietMetatables: readonly bigint[] = []): void {
  // Finalizers only for bookkeeping that dies with the state: no call (the state pushes nothing after this).
  for (const key of quietMetatables) {
    if (c._lua_rawgeti(L, REGISTRY, key) === T.TABLE) {
      pushGcKey(c, L);
      c._lua_pushnil(L);
      c._lua_rawset(L, -3);
    }
    c._lua_settop(L, -2);
  }
  const orig = c._lua_getallocf(L, 0);
  const fn = noFreeAllocator(c, orig);
  if (fn !== 0) {
    const udAt = c._malloc(4);
    c._lua_getallocf(L, udAt);
    const ud = c.HEAP32[udAt >> 2]!;
    c._free(udAt);
    c._lua_setallocf(L, fn, ud);
  }
  c._lua_close(L);
}
