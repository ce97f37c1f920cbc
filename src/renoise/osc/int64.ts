/**
 * Exact 64-bit integer handling for int64 (`h`) arguments and OSC time tags
 * (`t` arguments and bundle time tags).
 *
 * Convention: a 64-bit value is exposed as a `number` when it is a safe
 * integer and as a `bigint` otherwise, so no value is ever rounded.
 *
 * @module
 */
import type { OscInt64 } from "./types.js";

/** Smallest int64: −2^63. */
export const INT64_MIN = -(2n ** 63n);
/** Largest int64: 2^63 − 1. */
export const INT64_MAX = 2n ** 63n - 1n;
/** Largest unsigned 64-bit value (time tags): 2^64 − 1. */
export const UINT64_MAX = 2n ** 64n - 1n;

/**
 * The OSC time tag meaning "immediately" (OSC 1.0: 63 zero bits followed by
 * a one). Not part of Renoise's API; a convenience for {@link Bundle}.
 */
export const OSC_TIMETAG_IMMEDIATELY = 1;

/** Returns `v` as a `number` if it is a safe integer, else unchanged as `bigint`. */
export function normalizeInt64(v: bigint): OscInt64 {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/**
 * Converts an integer-valued `number` or a `bigint` to `bigint`, or returns
 * `undefined` if `v` is neither (non-integer numbers, NaN, ±Infinity, other types).
 */
export function integerToBigInt(v: unknown): bigint | undefined {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  return undefined;
}
