/**
 * Compiled chunks kept across VMs: the Lua bytecode (what `string.dump`
 * writes) of each tool file, by the exact text compiled and its chunkname.
 * Every VM with the cache on loads a tool file from this bytecode, made the
 * first time in the asking VM's own instance with its memory put back
 * (compiler.ts), so a first load and a later one leave the same heap: the
 * same function, line information and names included, and several times
 * faster to load again (a 5,000-line tool: ~12.6 ms to compile, ~1.8 ms to
 * load its bytecode). Only host loads of tool files and `loadfile`,
 * `dofile` and `require` use it, never `load`/`loadstring` of strings made
 * at run time. See `LuaVmOptions.compileCache`.
 *
 * @internal
 */
import type { ByteString } from "../core/bytes.js";

/** chunk text → chunkname → bytecode (a byte string). */
const cache = new Map<string, Map<string, ByteString>>();
let keptBytes = 0;
/** Bytes of text and bytecode kept at most (the oldest chunks go first). */
const MAX_BYTES = 64 * 1024 * 1024;

/** Chunks served from the cache / compiled and kept, since process start (for specs and benches). */
export const compileCacheStats = { hits: 0, kept: 0 };

/** The bytecode kept for `code` compiled as `chunkname`, if any. */
export function compiledChunk(code: string, chunkname: string): ByteString | undefined {
  const bc = cache.get(code)?.get(chunkname);
  if (bc !== undefined) compileCacheStats.hits++;
  return bc;
}

/** Keeps `bytecode`, what compiling `code` as `chunkname` made. */
export function keepCompiledChunk(code: string, chunkname: string, bytecode: ByteString): void {
  let byName = cache.get(code);
  if (byName === undefined) {
    cache.set(code, (byName = new Map<string, ByteString>()));
    keptBytes += code.length;
  }
  const old = byName.get(chunkname);
  keptBytes += bytecode.length - (old?.length ?? 0);
  byName.set(chunkname, bytecode);
  compileCacheStats.kept++;
  for (const [k, names] of cache) {
    if (keptBytes <= MAX_BYTES) break;
    if (k === code) continue; // (the text just kept stays, even when it is the oldest)
    cache.delete(k);
    keptBytes -= k.length;
    for (const b of names.values()) keptBytes -= b.length;
  }
}

/** Forgets every compiled chunk (benches that measure compiling empty it). */
export function clearCompileCache(): void {
  cache.clear();
  keptBytes = 0;
}
