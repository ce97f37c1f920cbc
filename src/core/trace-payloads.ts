import { escapeByteArray, type ByteString } from "./bytes.js";
import { emptyArray } from "./site-free.js";

/**
 * The payloads of a trace's rows, kept as bytes until an event is made.
 *
 * A row with a payload used to make the payload's fields (`bytes`, the
 * escaped and cut `data`, the FNV-1a `hash`) as it was recorded: two
 * passes over the bytes, a regular expression, three or four strings and
 * an object, ~150 ns for 32 printable bytes and ~550 ns for 32 binary ones
 * (`\xNN` each), all of it kept by the trace (and copied by every
 * young-generation collection until it is promoted). Here a row keeps a
 * number instead: where in an arena of bytes its payload's length, hash
 * and first `limit` bytes are. One pass copies the bytes and hashes them;
 * the fields are made from the bytes when the trace makes the row's event
 * (`Trace.events`), the same text and hash as before. (A trace's first
 * payloads still make their fields at once: see `Trace.eagerLeft`.)
 *
 * Arenas start small and double, up to {@link MAX_ARENA} bytes (a short
 * simulation, as a fuzz scenario is, allocates little); a payload longer
 * than that takes an arena of its own. Arenas are never grown or copied.
 *
 * @internal
 */
export class TracePayloads {
  private readonly arenas: Uint8Array[] = emptyArray();
  private arena: Uint8Array = NO_BYTES;
  private used = 0;
  /** Whether the cut is a whole number of bytes (any other limit: the caller makes the fields itself). */
  readonly usable: boolean;

  constructor(private readonly limit: number) {
    this.usable = limit === Infinity || (Number.isInteger(limit) && limit >= 0);
  }

  /**
   * Keeps `b`'s length, hash and first `limit` bytes; returns their place
   * (for {@link fields}), or -1 when a char of `b` is not a byte (such a
   * payload's fields are made at once, by `Trace.payload`).
   */
  keep(b: ByteString): number {
    const n = b.length;
    const kept = n < this.limit ? n : this.limit;
    const need = HEADER + kept;
    const was = this.used;
    const started = was + need > this.arena.length;
    if (started) this.next(need);
    const a = this.arena;
    const at = this.used;
    let p = at + HEADER;
    let h = FNV_OFFSET;
    let i = 0;
    for (; i < kept; i++) {
      const c = b.charCodeAt(i);
      if (c > 0xff) return started ? this.drop(was) : -1;
      a[p++] = c;
      h ^= c;
      h = Math.imul(h, FNV_PRIME);
    }
    for (; i < n; i++) {
      const c = b.charCodeAt(i);
      if (c > 0xff) return started ? this.drop(was) : -1;
      h ^= c;
      h = Math.imul(h, FNV_PRIME);
    }
    a[at] = n & 0xff;
    a[at + 1] = (n >>> 8) & 0xff;
    a[at + 2] = (n >>> 16) & 0xff;
    a[at + 3] = (n >>> 24) & 0xff;
    a[at + 4] = h & 0xff;
    a[at + 5] = (h >>> 8) & 0xff;
    a[at + 6] = (h >>> 16) & 0xff;
    a[at + 7] = (h >>> 24) & 0xff;
    this.used = at + need;
    return (this.arenas.length - 1) * ARENA_SPAN + at;
  }

  /** The length, escaped (and cut) bytes and hash of the payload kept at `place`, made by `make`. */
  fields<T>(place: number, make: new (bytes: number, data: string, hash: string) => T): T {
    const k = Math.floor(place / ARENA_SPAN);
    const a = this.arenas[k]!;
    const at = place - k * ARENA_SPAN;
    const n = (a[at]! | (a[at + 1]! << 8) | (a[at + 2]! << 16) | (a[at + 3]! << 24)) >>> 0;
    const h = a[at + 4]! | (a[at + 5]! << 8) | (a[at + 6]! << 16) | (a[at + 7]! << 24);
    const kept = n < this.limit ? n : this.limit;
    const data = escapeByteArray(a, at + HEADER, kept) + (n > kept ? "…" : "");
    return new make(n, data, hexHash(h));
  }

  /**
   * -1, for a payload found not to be bytes after an arena was started for
   * it: that arena is dropped and the last one's fill (`was`) put back, so
   * the next payload goes where it would have gone. (An arena of a long
   * payload's own size must never take a second payload: a place past
   * {@link MAX_ARENA} would read as another arena's.)
   */
  private drop(was: number): number {
    this.arenas.pop();
    this.arena = this.arenas[this.arenas.length - 1] ?? NO_BYTES;
    this.used = was;
    return -1;
  }

  /** Starts an arena with room for `need` bytes: twice the last, up to MAX_ARENA, or `need` if larger. */
  private next(need: number): void {
    const last = this.arena.length;
    let size = last === 0 ? FIRST_ARENA : Math.min(MAX_ARENA, last * 2);
    if (size < need) size = need;
    this.arena = new Uint8Array(size);
    this.arenas.push(this.arena);
    this.used = 0;
  }
}

/** Bytes before a payload's own: its length and its hash, 4 bytes each, little-endian. */
const HEADER = 8;
const FIRST_ARENA = 256;
/** 64 KiB: an arena's largest ordinary size. */
const MAX_ARENA = 64 * 1024;
/**
 * A place is arena × ARENA_SPAN + offset. Offsets in an ordinary arena are
 * below MAX_ARENA, and a payload with an arena of its own is at offset 0.
 */
const ARENA_SPAN = MAX_ARENA;
const NO_BYTES = new Uint8Array(0);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** "00" .. "ff": each byte value as two lower-case hex digits. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A 32-bit hash as 8 lower-case hex digits (as `toString(16).padStart(8, "0")` of its unsigned value). */
export function hexHash(h: number): string {
  return HEX_BYTE[(h >>> 24) & 0xff]! + HEX_BYTE[(h >>> 16) & 0xff]! + HEX_BYTE[(h >>> 8) & 0xff]! + HEX_BYTE[h & 0xff]!;
}

/** FNV-1a 32-bit hash of a byte string (its char codes), as a number. */
export function fnv1a(b: ByteString): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < b.length; i++) {
    h ^= b.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}
