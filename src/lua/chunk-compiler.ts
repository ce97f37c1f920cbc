/**
 * Compiles a tool's main file once per process and hands every VM the same
 * binary chunk (`lua_dump` with its debug info: the same source name, lines
 * and local names, so the same error messages and tracebacks).
 *
 * A fuzz campaign loads one tool into a fresh VM per scenario, and parsing
 * its main file was a tenth of a load. Undumping the binary chunk makes the
 * same function in a tenth of the time. The compiling is done in a Lua
 * state of its own, in an instance of its own, so a VM's memory never sees
 * the parser: every VM that runs a main file loads it the same way, binary,
 * whether the chunk was compiled for it or long before (a VM's memory
 * layout, and so `tostring({})` and the order of tables keyed by objects,
 * depends only on what the VM itself did).
 *
 * @internal
 */
import type { ByteString } from "../core/bytes.js";
import { newLuaInstance } from "./instance.js";
import { newDeterministicState, STATUS, type LuaC, type LuaState } from "./wasm.js";

/** Chunks kept: a campaign uses one or two; a suite of many tools gets the most recent. */
const MAX_CHUNKS = 64;
/** Sources longer than this are compiled in the VM as before (the cache keys on the whole text). */
const MAX_SOURCE = 1 << 20;

class ChunkCompiler {
  private readonly L: LuaState;
  private readonly writer: number;
  private readonly chunks = new Map<string, Uint8Array | null>();
  private parts: Uint8Array[] = [];

  constructor(private readonly c: LuaC) {
    this.L = newDeterministicState(c);
    this.writer = c.addFunction((_l: number, p: number, size: number) => {
      this.parts.push(this.c.HEAPU8.slice(p, p + size));
      return 0;
    }, "iiiii");
  }

  /** The binary chunk of `source` named `chunkname`, or null if it does not compile (the VM reports why). */
  compile(source: ByteString, chunkname: ByteString): Uint8Array | null {
    const key = `${chunkname}\0${source}`;
    const known = this.chunks.get(key);
    if (known !== undefined) {
      // Most recently used last.
      this.chunks.delete(key);
      this.chunks.set(key, known);
      return known;
    }
    const made = this.dump(source, chunkname);
    if (this.chunks.size >= MAX_CHUNKS) this.chunks.delete(this.chunks.keys().next().value!);
    this.chunks.set(key, made);
    return made;
  }

  private dump(source: ByteString, chunkname: ByteString): Uint8Array | null {
    const c = this.c;
    const L = this.L;
    const src = c._malloc(source.length + 1);
    const name = c._malloc(chunkname.length + 1);
    const mode = c._malloc(2);
    try {
      const heap = c.HEAPU8;
      for (let i = 0; i < source.length; i++) heap[src + i] = source.charCodeAt(i) & 0xff;
      for (let i = 0; i < chunkname.length; i++) heap[name + i] = chunkname.charCodeAt(i) & 0xff;
      heap[name + chunkname.length] = 0;
      heap[mode] = 0x74; // "t"
      heap[mode + 1] = 0;
      const status = c._luaL_loadbufferx(L, src, source.length, name, mode);
      if (status !== STATUS.OK) {
        c._lua_settop(L, 0);
        return null;
      }
      this.parts = [];
      const failed = c._lua_dump(L, this.writer, 0, 0);
      c._lua_settop(L, 0);
      if (failed !== 0) return null;
      const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of this.parts) {
        out.set(p, at);
        at += p.length;
      }
      this.parts = [];
      return out;
    } finally {
      c._free(src);
      c._free(name);
      c._free(mode);
    }
  }
}

let compiler: Promise<ChunkCompiler> | undefined;
let ready: ChunkCompiler | undefined;

/** Makes the process's compiler (once); {@link compiledChunk} works from then on. */
export async function prepareChunkCompiler(): Promise<void> {
  compiler ??= newLuaInstance().then((inst) => (ready = new ChunkCompiler(inst.c)));
  await compiler;
}

/**
 * The binary chunk of a main file's (translated) source, or null when it
 * does not compile or is too long to be worth keeping (then load the source).
 * Call after {@link prepareChunkCompiler}.
 */
export function compiledChunk(source: ByteString, chunkname: ByteString): Uint8Array | null {
  if (ready === undefined) throw new Error("compiledChunk: prepareChunkCompiler() did not run");
  if (source.length > MAX_SOURCE) return null;
  return ready.compile(source, chunkname);
}
