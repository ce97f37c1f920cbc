/**
 * OSC 1.0 encoding primitives. Every function returns a byte string
 * (one char per byte, see `src/bytes.ts`); all numbers are big-endian.
 *
 * @module
 */
import type { ByteString } from "../../core/bytes.js";
import type { OscValue } from "./types.js";

const scratch = new DataView(new ArrayBuffer(8));

function scratchBytes(n: number): ByteString {
  let out = "";
  for (let i = 0; i < n; i++) out += String.fromCharCode(scratch.getUint8(i));
  return out;
}

/** Number of zero bytes needed to pad `length` bytes up to a multiple of 4. */
export function padding(length: number): number {
  return (4 - (length % 4)) % 4;
}

/** Encodes a 32-bit two's complement integer (caller guarantees the range). */
export function encodeInt32(v: number): ByteString {
  scratch.setInt32(0, v);
  return scratchBytes(4);
}

/** Encodes an unsigned 32-bit integer (caller guarantees the range). */
export function encodeUint32(v: number): ByteString {
  scratch.setUint32(0, v);
  return scratchBytes(4);
}

/** Encodes an IEEE 754 float32 (the value is rounded to the nearest float32). */
export function encodeFloat32(v: number): ByteString {
  scratch.setFloat32(0, v);
  return scratchBytes(4);
}

/** Encodes an IEEE 754 float64. */
export function encodeFloat64(v: number): ByteString {
  scratch.setFloat64(0, v);
  return scratchBytes(8);
}

/** Encodes a signed 64-bit two's complement integer (caller guarantees the range). */
export function encodeInt64(v: bigint): ByteString {
  scratch.setBigInt64(0, v);
  return scratchBytes(8);
}

/** Encodes an unsigned 64-bit integer, e.g. an OSC time tag (caller guarantees the range). */
export function encodeUint64(v: bigint): ByteString {
  scratch.setBigUint64(0, v);
  return scratchBytes(8);
}

/**
 * Encodes an OSC-string: the bytes, a terminating NUL, then NULs up to a
 * multiple of 4 (so 1 to 4 NULs in total). The caller guarantees `s` is a
 * byte string without NUL.
 */
export function encodeString(s: ByteString): ByteString {
  return s + "\0".repeat(1 + padding(s.length + 1));
}

/** Encodes an OSC-blob: int32 byte count, the bytes, then NULs up to a multiple of 4. */
export function encodeBlob(b: ByteString): ByteString {
  return encodeInt32(b.length) + b + "\0".repeat(padding(b.length));
}

function int64Of(v: number | bigint): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

/** Encodes the payload of one normalized argument (empty for `T`, `F`, `N`, `I`). */
export function encodeArgument(arg: OscValue): ByteString {
  switch (arg.tag) {
    case "i":
      return encodeInt32(arg.value);
    case "f":
      return encodeFloat32(arg.value);
    case "d":
      return encodeFloat64(arg.value);
    case "r":
    case "m":
      return encodeUint32(arg.value);
    case "h":
      return encodeInt64(int64Of(arg.value));
    case "t":
      return encodeUint64(int64Of(arg.value));
    case "s":
    case "S":
      return encodeString(arg.value);
    case "b":
      return encodeBlob(arg.value);
    case "c":
      return encodeInt32(arg.value.charCodeAt(0));
    case "T":
    case "F":
    case "N":
    case "I":
      return "";
  }
}

/** Encodes a whole message: address pattern, type tag string, argument payloads. */
export function encodeMessage(pattern: ByteString, args: readonly OscValue[]): ByteString {
  let tags = ",";
  let payload = "";
  for (const arg of args) {
    tags += arg.tag;
    payload += encodeArgument(arg);
  }
  return encodeString(pattern) + encodeString(tags) + payload;
}

/** The 8 bytes every bundle starts with: `#bundle` and a NUL. */
export const BUNDLE_HEADER: ByteString = "#bundle\0";

/**
 * Encodes a bundle: header, time tag, then each element's binary data
 * prefixed with its int32 size.
 */
export function encodeBundle(timetag: bigint, elements: readonly ByteString[]): ByteString {
  let out = BUNDLE_HEADER + encodeUint64(timetag);
  for (const e of elements) out += encodeInt32(e.length) + e;
  return out;
}
