/**
 * OSC 1.0 decoding: a bounds-checked reader and the packet decoder behind
 * {@link from_binary_data}. Malformed input raises {@link OscDecodeError},
 * which `from_binary_data` turns into its error string.
 *
 * @module
 */
import type { ByteString } from "../../core/bytes.js";
import { OscBundle } from "./bundle.js";
import { padding } from "./encode.js";
import { normalizeInt64 } from "./int64.js";
import { decodedMessage, type OscMessage } from "./message.js";
import type { OscElement, OscValue } from "./types.js";

/** Deepest bundle nesting {@link decodePacket} accepts (a guard against stack exhaustion). */
export const MAX_BUNDLE_DEPTH = 64;

/** Malformed OSC data; the message is what `from_binary_data` returns as its error. */
export class OscDecodeError extends Error {
  override name = "OscDecodeError";
}

/** Scratch for reading floats and 64-bit integers (one per process: decoding never nests a read). */
const scratch = new DataView(new ArrayBuffer(8));

/**
 * Sequential big-endian reader over one packet (or one bundle element): the
 * bytes `start..end` of a byte string, read where they are (no copy into an
 * array, and strings and blobs are slices of it). Positions are offsets in
 * the whole input, as error messages give them.
 */
export class OscReader {
  /** Current read position (an offset in `data`). */
  pos: number;

  /**
   * @param data - the whole input, a byte string.
   * @param start - offset of the packet (or element) in `data`.
   * @param end - offset just past it.
   */
  constructor(
    readonly data: ByteString,
    readonly start = 0,
    readonly end = data.length,
  ) {
    this.pos = start;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** The byte at offset `at`. */
  byte(at: number): number {
    return this.data.charCodeAt(at);
  }

  /** Throws an {@link OscDecodeError} mentioning the byte offset `at`. */
  fail(detail: string, at = this.pos): never {
    throw new OscDecodeError(`invalid OSC data at byte ${at}: ${detail}`);
  }

  private need(n: number, what: string): number {
    if (this.remaining < n) {
      this.fail(`truncated ${what}: needs ${n} bytes, only ${this.remaining} left`);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** The 4 bytes at `at` as an int32. */
  private word(at: number): number {
    const d = this.data;
    return (d.charCodeAt(at) << 24) | (d.charCodeAt(at + 1) << 16) | (d.charCodeAt(at + 2) << 8) | d.charCodeAt(at + 3);
  }

  /** Reads an int32. */
  int32(what = "int32"): number {
    return this.word(this.need(4, what));
  }

  /** Reads an unsigned 32-bit integer. */
  uint32(what = "uint32"): number {
    return this.word(this.need(4, what)) >>> 0;
  }

  /** Reads a float32 (as a JS number). */
  float32(): number {
    scratch.setInt32(0, this.word(this.need(4, "float32")));
    return scratch.getFloat32(0);
  }

  /** Puts the 8 bytes at `at` into the scratch view. */
  private eight(at: number): DataView {
    scratch.setInt32(0, this.word(at));
    scratch.setInt32(4, this.word(at + 4));
    return scratch;
  }

  /** Reads a float64. */
  float64(): number {
    return this.eight(this.need(8, "float64")).getFloat64(0);
  }

  /** Reads a signed 64-bit integer. */
  int64(): bigint {
    return this.eight(this.need(8, "int64")).getBigInt64(0);
  }

  /** Reads an unsigned 64-bit integer (time tag). */
  uint64(what = "time tag"): bigint {
    return this.eight(this.need(8, what)).getBigUint64(0);
  }

  private zeros(from: number, count: number, what: string): void {
    for (let i = from; i < from + count; i++) {
      const b = this.data.charCodeAt(i);
      if (b !== 0) this.fail(`bad padding after ${what}: byte is ${String(b)}, must be 0`, i);
    }
  }

  /** Reads an OSC-string: bytes up to a NUL, then zero padding to a multiple of 4. */
  string(what = "string"): ByteString {
    const start = this.pos;
    const nul = this.data.indexOf("\0", start);
    if (nul === -1 || nul >= this.end) this.fail(`${what} is not NUL-terminated`, start);
    const end = nul + 1 + padding(nul + 1 - start);
    if (end > this.end) {
      this.fail(`truncated ${what}: padding runs past the end of the data`, start);
    }
    this.zeros(nul + 1, end - nul - 1, what);
    this.pos = end;
    return this.data.slice(start, nul);
  }

  /** Reads an OSC-blob: int32 size, bytes, zero padding to a multiple of 4. */
  blob(): ByteString {
    const sizeAt = this.pos;
    const size = this.int32("blob size");
    if (size < 0) this.fail(`negative blob size ${size}`, sizeAt);
    const start = this.need(size, "blob");
    const pad = padding(size);
    this.need(pad, "blob padding");
    this.zeros(start + size, pad, "blob");
    return this.data.slice(start, start + size);
  }
}

/** Reads the payload of one argument with type tag `tag` (already known to be valid). */
export function decodeArgument(r: OscReader, tag: string): OscValue {
  switch (tag) {
    case "i":
      return { tag, value: r.int32() };
    case "f":
      return { tag, value: r.float32() };
    case "d":
      return { tag, value: r.float64() };
    case "r":
    case "m":
      return { tag, value: r.uint32() };
    case "h":
      return { tag, value: normalizeInt64(r.int64()) };
    case "t":
      return { tag, value: normalizeInt64(r.uint64()) };
    case "s":
    case "S":
      return { tag, value: r.string(`string argument ("${tag}")`) };
    case "b":
      return { tag, value: r.blob() };
    case "c": {
      const at = r.pos;
      const code = r.int32("char");
      if (code < 0 || code > 255) r.fail(`char argument ("c") out of range 0..255: ${code}`, at);
      return { tag, value: String.fromCharCode(code) };
    }
    case "T":
      return { tag, value: true };
    case "F":
      return { tag, value: false };
    case "N":
    case "I":
      return { tag };
    default:
      return r.fail(`unknown type tag ${JSON.stringify(tag)}`);
  }
}

const KNOWN_TAGS = new Set("ifsbhtdScrmTFNI");

function decodeMessage(r: OscReader): OscMessage {
  const pattern = r.string("address pattern");
  const args: OscValue[] = [];
  // OSC 1.0 asks for robustness against a missing type tag string: a packet
  // holding just the address is a message without arguments.
  if (r.remaining > 0) {
    const tagsAt = r.pos;
    if (r.byte(r.pos) !== 0x2c) r.fail(`type tag string must start with ",", found byte ${String(r.byte(r.pos))}`);
    const tags = r.string("type tag string").slice(1);
    for (let i = 0; i < tags.length; i++) {
      const t = tags.charAt(i);
      if (t === "[" || t === "]") r.fail(`OSC arrays ("[", "]") are not supported`, tagsAt + 1 + i);
      if (!KNOWN_TAGS.has(t)) r.fail(`unknown type tag ${JSON.stringify(t)}`, tagsAt + 1 + i);
    }
    for (const t of tags) args.push(decodeArgument(r, t));
    if (r.remaining > 0) r.fail(`${r.remaining} unexpected bytes after the last argument`);
  }
  return decodedMessage(pattern, args);
}

function decodeBundle(r: OscReader, depth: number): OscBundle {
  if (depth > MAX_BUNDLE_DEPTH) r.fail(`bundles nested deeper than ${MAX_BUNDLE_DEPTH} levels`);
  r.pos += 8; // "#bundle\0", checked by the caller
  const timetag = r.uint64("bundle time tag");
  const elements: OscElement[] = [];
  while (r.remaining > 0) {
    const sizeAt = r.pos;
    const size = r.uint32("bundle element size");
    if (size > r.remaining) {
      r.fail(`bundle element size ${size} overflows the bundle: only ${r.remaining} bytes left`, sizeAt);
    }
    if (size === 0 || size % 4 !== 0) {
      r.fail(`bundle element size ${size} must be a positive multiple of 4`, sizeAt);
    }
    const start = r.pos;
    r.pos += size;
    elements.push(decodeElement(new OscReader(r.data, start, start + size), depth + 1));
  }
  return new OscBundle(timetag, elements);
}

const BUNDLE_TAG = "#bundle\0";

function decodeElement(r: OscReader, depth: number): OscElement {
  const size = r.end - r.start;
  if (size === 0) r.fail("empty packet");
  if (size % 4 !== 0) r.fail(`packet size ${size} is not a multiple of 4`);
  if (size >= 8 && r.data.startsWith(BUNDLE_TAG, r.start)) return decodeBundle(r, depth);
  const first = r.byte(r.start);
  if (first === 0x2f) return decodeMessage(r);
  return r.fail(`not an OSC message or bundle: must start with "/" or "#bundle", found byte ${String(first)}`);
}

/**
 * Decodes one OSC packet (message or bundle, bundles recursively) from a
 * byte string.
 * @throws OscDecodeError if the data is malformed.
 */
export function decodePacket(data: ByteString): OscElement {
  return decodeElement(new OscReader(data), 0);
}
