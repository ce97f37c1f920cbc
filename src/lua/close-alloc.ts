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
 * Even without frees, `lua_close` walks every object of the state to free
 * it (`deletelist` over the global state's `allgc` list: the whole tool API
 * of the VM template, ~10,000 objects). So once the place of `allgc` in the
 * global state is known ({@link probeAllgcOffset}, once per process), the
 * list is cut to its last object, the main thread, just before `lua_close`:
 * the finalizers still run (they are found on the separate `finobj` list,
 * and objects finalized are put back on `allgc`, which is then walked as
 * far as the main thread), and nothing else is walked. Nothing runs in the
 * state after its finalizers, so the objects left off the list are never
 * missed.
 *
 * @internal
 */
import { newDeterministicState, type LuaC, type LuaState } from "./wasm.js";

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

/**
 * Byte offset from a main Lua state (`lua_State *` of `luaL_newstate`) to
 * its global state's `allgc`: `undefined` until probed, `null` if the probe
 * found no single place.
 */
let allgcOffset: number | null | undefined;

/** How far past the main state the probe looks (the global state follows it in one block of a few hundred words). */
const PROBE_BYTES = 4096;

/**
 * Finds {@link allgcOffset} on a scratch state of `c`: the head of `allgc`
 * is the newest object, so it is the one word past the main state that
 * holds the address of a table just made, and then of the next one. The
 * state is closed again; call it only where the instance's memory is put
 * back afterwards (pool.ts `probeOnFreshInstance`).
 *
 * @internal
 */
export function probeAllgcOffset(c: LuaC): void {
  if (allgcOffset !== undefined) return;
  allgcOffset = null;
  const L = newDeterministicState(c);
  if (!L) return;
  try {
    const words = (): Uint32Array => c.HEAPU32.subarray(L >> 2, (L + PROBE_BYTES) >> 2);
    c._lua_createtable(L, 0, 0);
    const a = c._lua_topointer(L, -1);
    let found: number[] = [];
    words().forEach((w, i) => {
      if (w === a) found.push(i << 2);
    });
    c._lua_createtable(L, 0, 0);
    const b = c._lua_topointer(L, -1);
    const now = words();
    found = found.filter((o) => now[o >> 2] === b);
    if (found.length === 1 && a !== b && a !== 0 && b !== 0) allgcOffset = found[0]!;
  } finally {
    c._lua_close(L);
  }
}

/** A thread's type tag in an object's header (`LUA_VTHREAD`), the byte after its `next` word. */
const THREAD_TAG = 8;

/**
 * Calls `fn` with every thread (the main state and each coroutine) of the
 * state whose main thread is `L`, found on the global state's `allgc` list
 * (a thread has no finalizer, so it is never on another list). Returns
 * false, calling nothing, when the place of `allgc` is not known (see
 * {@link probeAllgcOffset}). `fn` must not make or free Lua objects.
 */
export function forEachThread(c: LuaC, L: LuaState, fn: (thread: LuaState) => void): boolean {
  if (allgcOffset == null) return false;
  const threads: LuaState[] = [];
  const words = c.HEAPU32;
  const bytes = c.HEAPU8;
  for (let o = words[(L + allgcOffset) >> 2]!; o !== 0; o = words[o >> 2]!) {
    if ((bytes[o + 4]! & 0x3f) === THREAD_TAG) threads.push(o);
  }
  for (const t of threads) fn(t);
  return true;
}

/**
 * Closes `L` (finalizers run as in `lua_close`) without freeing its
 * objects' memory: only for a state whose instance memory is dropped or
 * restored from a snapshot before anything else runs in it.
 */
export function closeDiscardingMemory(c: LuaC, L: LuaState): void {
  const orig = c._lua_getallocf(L, 0);
  const fn = noFreeAllocator(c, orig);
  if (fn !== 0) {
    const udAt = c._malloc(4);
    c._lua_getallocf(L, udAt);
    const ud = c.HEAP32[udAt >> 2]!;
    c._free(udAt);
    c._lua_setallocf(L, fn, ud);
    // Only with frees ignored: the objects cut off the list are neither freed nor walked.
    if (allgcOffset != null) c.HEAPU32[(L + allgcOffset) >> 2] = L;
  }
  c._lua_close(L);
}
