import { nonByteMessage, type ByteString } from "../core/bytes.js";
import { EditedChunk } from "./frontend/edits.js";
import type { LuaC, LuaState } from "./wasm.js";

const DECODE_CHUNK = 0x2000;
/**
 * From these lengths on, strings cross through Node's native latin1 copy
 * (when there is a Node `Buffer`); shorter ones from ASCII_WRITE_MIN on
 * through {@link asciiEncoder} when they are ASCII, the others char by char.
 */
const NATIVE_WRITE_MIN = 64;
/**
 * Below this length a char loop beats `encodeInto` (a fixed ~50 ns a call,
 * where the loop costs ~3.5 ns a char: measured at 1–48 chars, slow phase).
 */
const ASCII_WRITE_MIN = 16;
const NATIVE_DECODE_MIN = 16;
/** A char that is not a byte. */
const NON_BYTE = /[\u0100-\uffff]/;
/**
 * Writes ASCII straight into the heap: for an ASCII string, UTF-8 is the
 * string's own bytes, and `encodeInto` copies them natively (~54 ns at 32
 * chars where the char loop takes ~114). Any other string is detected by its
 * byte count and written char by char instead, so UTF-8 never reaches Lua.
 */
const asciiEncoder = typeof TextEncoder === "function" ? new TextEncoder() : undefined;
/** Node's Buffer if present: its "latin1" encoding maps each char 0–255 to one byte and back, exactly. */
const NodeBuffer: typeof Buffer | undefined = typeof Buffer === "function" ? Buffer : undefined;

/** The Node Buffer over each module memory (see `HeapBytes.nodeView`). */
const nodeViews = new WeakMap<ArrayBufferLike, Buffer>();

/** Where a {@link HeapBytes} keeps its buffers in the heap (for a memory snapshot). @internal */
export interface HeapBytesState {
  readonly scratch: number;
  readonly capacity: number;
  readonly lenPtr: number;
}

/**
 * Byte-exact string transfer between JS byte strings and Lua strings, through
 * one reusable scratch buffer in the module's heap (no allocation per call
 * unless a string is larger than any before).
 *
 * @internal
 */
export class HeapBytes {
  private scratch = 0;
  private capacity = 0;
  /** A `size_t` out-slot for `lua_tolstring`. */
  private readonly lenPtr: number;
  /** A Node Buffer over the module's memory (remade when the memory grows). */
  private view: Buffer | undefined;
  /** The heap view (`c.HEAPU8`, replaced when the memory grows) {@link view} was found for. */
  private viewHeap: Uint8Array | undefined;
  /** The scratch buffer as a view of the module's memory, where ASCII is encoded (dropped when the scratch buffer moves). */
  private target: Uint8Array | undefined;
  /** The heap view (`c.HEAPU8`) {@link target} was made from: a new one means the memory grew. */
  private targetHeap: Uint8Array | undefined;
  /** False while the last string of ASCII_WRITE_MIN–NATIVE_WRITE_MIN chars was not all ASCII (see {@link write}). */
  private asciiLast = true;

  constructor(
    private readonly c: LuaC,
    restored?: HeapBytesState,
  ) {
    if (restored) {
      this.lenPtr = restored.lenPtr;
      this.scratch = restored.scratch;
      this.capacity = restored.capacity;
      return;
    }
    this.lenPtr = c._malloc(8);
    this.reserve(256);
  }

  /** The buffers of a snapshotted heap, copied back into `c`'s memory. */
  static restore(c: LuaC, state: HeapBytesState): HeapBytes {
    return new HeapBytes(c, state);
  }

  /** Where the buffers are now. */
  state(): HeapBytesState {
    return { scratch: this.scratch, capacity: this.capacity, lenPtr: this.lenPtr };
  }

  /** Makes the scratch buffer at least `n` bytes long and returns its address. */
  reserve(n: number): number {
    if (n > this.capacity) {
      if (this.scratch) this.c._free(this.scratch);
      let cap = Math.max(256, this.capacity);
      while (cap < n) cap *= 2;
      this.scratch = this.c._malloc(cap);
      this.target = undefined;
      if (!this.scratch) throw new RangeError(`Lua heap: cannot allocate ${cap} bytes`);
      this.capacity = cap;
    }
    return this.scratch;
  }

  /**
   * Copies a byte string into the scratch buffer (plus a NUL after it) and
   * returns its address. Throws a TypeError for chars above 0xFF.
   */
  write(s: ByteString, callName: string): number {
    const n = s.length;
    const p = this.reserve(n + 1);
    const heap = this.c.HEAPU8;
    const view = n >= NATIVE_WRITE_MIN ? this.nodeView(heap) : undefined;
    if (view !== undefined) {
      const bad = s.search(NON_BYTE);
      if (bad >= 0) throw new TypeError(nonByteMessage(callName, s, bad));
      view.write(s, p, n, "latin1");
      heap[p + n] = 0;
      return p;
    }
    if (n >= ASCII_WRITE_MIN && this.asciiLast && asciiEncoder !== undefined) {
      let target = this.target;
      // The heap view compared by identity: a view's own getters (buffer, byteOffset) cost more over a module's
      // memory than the copy itself.
      if (target === undefined || this.targetHeap !== heap) {
        target = this.target = heap.subarray(p, p + this.capacity);
        this.targetHeap = heap;
      }
      // All n chars read into n bytes: every char was ASCII (any other takes 2 or more), so the bytes are the chars.
      const r = asciiEncoder.encodeInto(s, target);
      if (r.read === n && r.written === n) {
        heap[p + n] = 0;
        return p;
      }
    }
    let all = 0;
    for (let i = 0; i < n; i++) {
      const b = s.charCodeAt(i);
      if (b > 0xff) throw new TypeError(nonByteMessage(callName, s, i));
      heap[p + i] = b;
      all |= b;
    }
    heap[p + n] = 0;
    // The next string is tried as ASCII only if this one was (binary traffic pays for no failed encodeInto).
    if (n >= ASCII_WRITE_MIN) this.asciiLast = all < 0x80;
    return p;
  }

  /**
   * Copies a byte string (or bytes) into a buffer of its own, with a NUL
   * after it, and returns its address; the caller frees it (`_free`). For a
   * reader that lets other code run before it is done with the bytes, such
   * as Lua's parser, whose allocations may run finalizers whose host calls
   * write (or grow) the scratch buffer. Throws a TypeError for chars above
   * 0xFF, as {@link write} does.
   */
  writeOwn(s: ByteString | Uint8Array | EditedChunk, callName: string): number {
    if (s instanceof EditedChunk) return this.writeOwnPieces(s, callName);
    // Written as every string is (checks, encodings), then moved: no Lua code runs in between.
    const from = typeof s === "string" ? this.write(s, callName) : this.writeArray(s);
    const p = this.c._malloc(s.length + 1);
    if (!p) throw new RangeError(`Lua heap: cannot allocate ${s.length + 1} bytes`);
    this.c.HEAPU8.copyWithin(p, from, from + s.length + 1);
    return p;
  }

  /**
   * {@link writeOwn} of a chunk kept as its pieces: its pieces written where
   * {@link write} writes a string (the scratch buffer, grown as for the
   * string), then moved into a buffer of its own as {@link writeOwn} moves
   * a string, so the module's heap ends exactly as it would for the text
   * (a VM's heap, its table addresses and `pairs` orders among them, never
   * depends on whether another VM made the text). The text is not made,
   * unless the chunk is short, a char of it is not a byte or there is no
   * Node Buffer: then the text is written as any string is (and the error is
   * that of a string).
   */
  private writeOwnPieces(chunk: EditedChunk, callName: string): number {
    const n = chunk.length;
    if (n < NATIVE_WRITE_MIN || this.nodeView(this.c.HEAPU8) === undefined || NON_BYTE.test(chunk.src)) {
      return this.writeOwn(chunk.text(), callName);
    }
    const from = this.reserve(n + 1);
    // (reserve may grow the memory: the view is found again)
    const view = this.nodeView(this.c.HEAPU8)!;
    const end = chunk.writeLatin1(view, from);
    if (end !== from + n) throw new Error(`Lua heap: a chunk's pieces wrote ${end - from} bytes, its length is ${n}`);
    view[end] = 0;
    const p = this.c._malloc(n + 1);
    if (!p) throw new RangeError(`Lua heap: cannot allocate ${n + 1} bytes`);
    this.c.HEAPU8.copyWithin(p, from, from + n + 1);
    return p;
  }

  /** Copies bytes into the scratch buffer and returns its address. */
  writeArray(bytes: Uint8Array): number {
    const p = this.reserve(bytes.length + 1);
    this.c.HEAPU8.set(bytes, p);
    this.c.HEAPU8[p + bytes.length] = 0;
    return p;
  }

  /** `lua_pushlstring` of a byte string. */
  push(L: LuaState, s: ByteString, callName = "Lua bridge"): void {
    const p = this.write(s, callName);
    this.c._lua_pushlstring(L, p, s.length);
  }

  /** `lua_pushlstring` of raw bytes. */
  pushArray(L: LuaState, bytes: Uint8Array): void {
    const p = this.writeArray(bytes);
    this.c._lua_pushlstring(L, p, bytes.length);
  }

  /**
   * Reads the string (or number, converted in place like Lua does) at `idx`
   * as a byte string; `undefined` if the value is neither.
   */
  read(L: LuaState, idx: number): ByteString | undefined {
    const p = this.c._lua_tolstring(L, idx, this.lenPtr);
    if (!p) return undefined;
    return this.decode(p, this.c.HEAPU32[this.lenPtr >> 2]!);
  }

  /** Reads `luaL_tolstring` of the value at `idx` (uses `__tostring`, may raise). */
  readToString(L: LuaState, idx: number): ByteString {
    const p = this.c._luaL_tolstring(L, idx, this.lenPtr);
    const s = this.decode(p, this.c.HEAPU32[this.lenPtr >> 2]!);
    this.c._lua_settop(L, -2);
    return s;
  }

  /** A Node Buffer sharing `heap`'s memory, if Node's Buffer exists. */
  private nodeView(heap: Uint8Array): Buffer | undefined {
    if (NodeBuffer === undefined) return undefined;
    const v = this.view;
    // Known by the heap view it was made for: the views' own `buffer` getters cost ~65 ns over a module's memory.
    if (v !== undefined && this.viewHeap === heap) return v;
    this.viewHeap = heap;
    // One per memory: VMs that reuse a pooled instance share it.
    let shared = nodeViews.get(heap.buffer);
    if (shared === undefined || shared.byteOffset !== heap.byteOffset || shared.byteLength !== heap.byteLength) {
      shared = NodeBuffer.from(heap.buffer, heap.byteOffset, heap.byteLength);
      nodeViews.set(heap.buffer, shared);
    }
    return (this.view = shared);
  }

  /** Decodes `len` bytes at address `p` into a byte string. */
  decode(p: number, len: number): ByteString {
    const heap = this.c.HEAPU8;
    const view = len >= NATIVE_DECODE_MIN ? this.nodeView(heap) : undefined;
    if (view !== undefined) return view.toString("latin1", p, p + len);
    if (len <= 32) {
      let s = "";
      for (let i = 0; i < len; i++) s += String.fromCharCode(heap[p + i]!);
      return s;
    }
    let s = "";
    for (let i = 0; i < len; i += DECODE_CHUNK) {
      const part = heap.subarray(p + i, p + Math.min(len, i + DECODE_CHUNK));
      s += String.fromCharCode.apply(null, part as unknown as number[]);
    }
    return s;
  }
}
