/**
 * `renoise.Osc.Bundle`: an OSC bundle of messages and (nested) bundles
 * sharing one time tag.
 *
 * @module
 */
import type { ByteString } from "../../core/bytes.js";
import { encodeBundle } from "./encode.js";
import { describe, usageError } from "./errors.js";
import { UINT64_MAX, normalizeInt64 } from "./int64.js";
import { OscMessage } from "./message.js";
import type { OscElement, OscInt64 } from "./types.js";

const API = "renoise.Osc.Bundle";

/**
 * Validates a bundle time tag and returns it as `bigint`. Accepts a
 * non-negative finite `number` (fractions are truncated toward zero, so
 * Renoise's suggested `os.clock()` style values work) or a `bigint`, both
 * in 0..2^64−1. The value is the raw 64-bit OSC time tag.
 */
export function checkTimetag(timetag: unknown, api: string): bigint {
  const hint =
    `timetag must be a raw OSC time tag: a number or bigint in 0..2^64-1 ` +
    `(NTP seconds in the upper 32 bits, fraction in the lower 32; 1 means "immediately")`;
  if (typeof timetag === "bigint") {
    if (timetag < 0n || timetag > UINT64_MAX) throw usageError(api, `${hint}, got ${describe(timetag)}`);
    return timetag;
  }
  if (typeof timetag !== "number" || !Number.isFinite(timetag) || timetag < 0) {
    throw usageError(api, `${hint}, got ${describe(timetag)}`);
  }
  const v = BigInt(Math.trunc(timetag));
  if (v > UINT64_MAX) throw usageError(api, `${hint}, got ${describe(timetag)}`);
  return v;
}

/**
 * An OSC bundle, as created by {@link Bundle} or returned by
 * {@link from_binary_data}. Immutable: all properties are read-only, as in
 * Renoise, and {@link OscBundle.elements} is frozen.
 */
export class OscBundle {
  /**
   * The raw 64-bit OSC time tag: a `number` when it is a safe integer, else a
   * `bigint` (see {@link OscInt64}). `1` means "immediately".
   */
  readonly timetag: OscInt64;
  /** The elements, in order: messages and nested bundles. */
  readonly elements: readonly OscElement[];
  /** The OSC 1.0 wire encoding of this bundle, as a byte string (what a socket sends). */
  readonly binary_data: ByteString;

  /**
   * Creates a bundle; same as {@link Bundle}.
   * @param timetag - raw OSC time tag (see {@link checkTimetag}).
   * @param elements - one message or bundle, or an array of them.
   * @throws OscUsageError (message starting with `renoise.Osc.Bundle:`) on misuse.
   */
  constructor(timetag: OscInt64, elements: OscElement | readonly OscElement[]) {
    const tag = checkTimetag(timetag, API);
    this.timetag = normalizeInt64(tag);
    this.elements = checkElements(elements);
    this.binary_data = encodeBundle(
      tag,
      this.elements.map((e) => e.binary_data),
    );
    if (new.target === OscBundle) Object.freeze(this);
  }

  /** A readable rendering, e.g. `#bundle 1 [/a ,i 1; /b ,]`. */
  toString(): string {
    return `#bundle ${String(this.timetag)} [${this.elements.map((e) => e.toString()).join("; ")}]`;
  }
}

function isElement(x: unknown): x is OscElement {
  return x instanceof OscMessage || x instanceof OscBundle;
}

function checkElements(input: unknown): readonly OscElement[] {
  if (isElement(input)) return Object.freeze([input]);
  if (!Array.isArray(input)) {
    throw usageError(
      API,
      `elements must be a renoise.Osc.Message or Bundle, or an array of them; got ${describe(input)}. ` +
        `Create messages with renoise.Osc.Message(pattern, arguments)`,
    );
  }
  const list: unknown[] = input;
  return Object.freeze(
    Array.from(list, (e, i) => {
      if (!isElement(e)) {
        throw usageError(
          API,
          `elements[${i}] must be a renoise.Osc.Message or Bundle, got ${describe(e)}; ` +
            `create it with renoise.Osc.Message(pattern, arguments)`,
        );
      }
      return e;
    }),
  );
}

/**
 * `renoise.Osc.Bundle(timetag, elements)`: creates an OSC bundle.
 *
 * Unlike Renoise's documentation (which says nested bundles are not yet
 * supported when creating), bundles may be nested here, as they can be when
 * decoded.
 *
 * @param timetag - raw 64-bit OSC time tag, `number` or `bigint` in
 *   0..2^64−1; fractional numbers are truncated. Use
 *   {@link OSC_TIMETAG_IMMEDIATELY} (1) for "now".
 * @param elements - one {@link OscMessage}/{@link OscBundle}, or an array of
 *   them (may be empty).
 * @returns the new {@link OscBundle}.
 * @throws OscUsageError (message starting with `renoise.Osc.Bundle:`) for an
 *   invalid time tag or an element that is not a message or bundle.
 */
export function Bundle(timetag: OscInt64, elements: OscElement | readonly OscElement[]): OscBundle {
  return new OscBundle(timetag, elements);
}
