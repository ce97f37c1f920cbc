/**
 * The compiler of the compile cache (compile-cache.ts): compiles a tool
 * file in a Lua state of its own, made for the purpose in the wasm
 * instance of the VM that asked, dumps its bytecode, and puts the
 * instance's memory back as it was before.
 *
 * Why in the same instance, and why put back:
 * - A second wasm instance alive in the process makes every call between
 *   JavaScript and Lua slower, in V8, even when it is never called (200,000
 *   `note_value` writes: ~15–20 % slower with an idle second instance, in
 *   both of the machine's speed phases, alternating processes).
 * - A compile leaves garbage and moves the allocator in the heap it runs
 *   in; with the memory put back byte for byte, a VM that loads a file
 *   compiled just now leaves the same heap (addresses, memory count,
 *   `pairs` order) as one loading it from the cache, so a scenario runs
 *   alike whatever ran before it in the process.
 *
 * Nothing outside the memory changes meanwhile: the state is made with
 * `luaL_newstate` and the string library only, runs `string.dump`
 * alone (no hook, no host function, no finalizer of the VM's), and is
 * closed before the memory is put back. The stack of any C call in
 * progress lies below the break and is put back unchanged.
 *
 * @internal
 */
import type { ByteString } from "../core/bytes.js";
import type { HeapBytes } from "./heap.js";
import type { LuaInstance } from "./instance.js";
import { knownHeapBreak } from "./pool.js";
import { newDeterministicState, STATUS, type LuaC, type LuaState } from "./wasm.js";

type CompilerC = LuaC & { _lua_getfield(L: LuaState, idx: number, k: number): number; _luaopen_string(L: LuaState): number };

/**
 * The bytecode (`string.dump`'s) of `source` compiled as `chunkname`, made
 * in `inst` and leaving its memory as it found it; undefined when it does
 * not compile, or when the instance's heap break is not known (nothing
 * could be put back). `bytes`: the VM's, whose decoding (it touches no
 * memory) reads the bytecode out.
 */
export function compileInPlace(inst: LuaInstance, bytes: HeapBytes, source: ByteString, chunkname: ByteString): ByteString | undefined {
  const brk = knownHeapBreak(inst);
  if (brk === undefined) return undefined;
  const c = inst.c as CompilerC;
  const saved = scratch(brk);
  saved.set(c.HEAPU8.subarray(0, brk));
  try {
    return compileInNewState(c, bytes, source, chunkname);
  } finally {
    const heap = c.HEAPU8; // (a new view if the memory grew)
    const top = knownHeapBreak(inst)!;
    heap.set(saved, 0);
    if (top > brk) heap.fill(0, brk, Math.min(top, heap.length));
    inst.dirtyTop = Math.max(inst.dirtyTop, top);
  }
}

/** The copy of the memory below the break, reused from compile to compile (a fresh copy of megabytes each time cost its page faults and a collection). */
let memoryCopy: Uint8Array = new Uint8Array(0);

/** Most of a memory copy kept between compiles (larger heaps get a copy of their own, dropped after). */
const SCRATCH_KEEP = 32 << 20;

function scratch(n: number): Uint8Array {
  if (n > SCRATCH_KEEP) return new Uint8Array(n);
  if (memoryCopy.length < n) memoryCopy = new Uint8Array(Math.max(n, Math.min(SCRATCH_KEEP, memoryCopy.length * 2)));
  return memoryCopy.subarray(0, n);
}

function compileInNewState(c: CompilerC, bytes: HeapBytes, source: ByteString, chunkname: ByteString): ByteString | undefined {
  const n = source.length;
  const buf = c._malloc(n + chunkname.length + 48);
  if (!buf) return undefined;
  const L = newDeterministicState(c);
  if (!L) return undefined;
  try {
    const heap = c.HEAPU8;
    for (let i = 0; i < n; i++) {
      const b = source.charCodeAt(i);
      if (b > 0xff) return undefined; // not bytes: the VM refuses it, as ever
      heap[buf + i] = b;
    }
    const name = buf + n + 1;
    for (let i = 0; i < chunkname.length; i++) heap[name + i] = chunkname.charCodeAt(i);
    heap[name + chunkname.length] = 0;
    const words = name + chunkname.length + 1; // "t", "dump", then a size_t slot
    heap.set([0x74, 0, 0x64, 0x75, 0x6d, 0x70, 0], words);
    const lenAt = (words + 7 + 7) & ~7;
    if (c._luaL_loadbufferx(L, buf, n, name, words) !== STATUS.OK) return undefined;
    // Only the string library is opened (string.dump is all this state runs): f, string
    c._luaopen_string(L);
    c._lua_getfield(L, -1, words + 2); // f, string, string.dump
    c._lua_rotate(L, -3, 1); // dump, f, string
    c._lua_settop(L, -2); // dump, f
    if (c._lua_pcallk(L, 1, 1, 0, 0, 0) !== STATUS.OK) return undefined;
    const p = c._lua_tolstring(L, -1, lenAt);
    if (!p) return undefined;
    return bytes.decode(p, c.HEAPU32[lenAt >> 2]!);
  } finally {
    c._lua_close(L);
    c._free(buf);
  }
}
