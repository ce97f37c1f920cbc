/**
 * Validation and normalization of message arguments given to {@link Message}.
 *
 * @module
 */
import { firstNonByte, fromBytes } from "../../core/bytes.js";
import { describe, usageError } from "./errors.js";
import { INT64_MAX, INT64_MIN, UINT64_MAX, integerToBigInt, normalizeInt64 } from "./int64.js";
import { OSC_TAGS } from "./types.js";
import type { OscTag, OscValue } from "./types.js";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const UINT32_MAX = 2 ** 32 - 1;

/** True if `tag` is one of the {@link OscTag}s Renoise supports. */
export function isOscTag(tag: unknown): tag is OscTag {
  return typeof tag === "string" && (OSC_TAGS as readonly string[]).includes(tag);
}

/**
 * Checks that `s` is a byte string without NUL, as an OSC-string must be.
 * Returns a problem description, or `undefined` if `s` is fine.
 */
export function oscStringProblem(s: string): string | undefined {
  const bad = firstNonByte(s);
  if (bad !== -1) {
    const code = s.charCodeAt(bad).toString(16).toUpperCase().padStart(4, "0");
    return (
      `character U+${code} at index ${bad} is not a byte; OSC strings are byte strings ` +
      `(one char per byte, like Lua). Encode text with text("...") first`
    );
  }
  const nul = s.indexOf("\0");
  if (nul !== -1) {
    return `contains a NUL byte at index ${nul}, which would end the OSC-string early; use a blob ("b") for binary data`;
  }
  return undefined;
}

/**
 * Validates one `{ tag, value }` argument and returns its normalized form
 * (see {@link OscValue}). Throws an `OscUsageError` naming `api` otherwise.
 */
export function normalizeArgument(input: unknown, index: number, api: string): OscValue {
  const where = `arguments[${index}]`;
  const fail = (detail: string): never => {
    throw usageError(api, `${where} ${detail}`);
  };
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(`must be a table { tag = "...", value = ... }, got ${describe(input)}`);
  }
  const { tag, value } = input as { tag?: unknown; value?: unknown };
  if (tag === undefined || tag === null) {
    return fail(`has no tag; give every argument an OSC type tag, e.g. { tag: "i", value: 1 }`);
  }
  if (tag === "[" || tag === "]") {
    return fail(`uses tag "${tag}": OSC arrays are not supported by Renoise; send the items as separate arguments`);
  }
  if (!isOscTag(tag)) {
    return fail(`has unknown tag ${describe(tag)}; use one of ${OSC_TAGS.map((t) => `"${t}"`).join(", ")}`);
  }
  // The value as error messages show it: described only for a message (describe quotes strings with JSON.stringify).
  const got = (): string => describe(value);
  const absent = value === undefined || value === null;

  const integerIn = (min: number, max: number, what: string): number => {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      return fail(`(tag "${tag}") needs ${what}, got ${got()}; round or clamp the number first (e.g. Math.round)`);
    }
    return value === 0 ? 0 : value; // folds -0 into 0, as the wire format does
  };
  const oscString = (): string => {
    if (typeof value !== "string") return fail(`(tag "${tag}") needs a string value, got ${got()}`);
    const problem = oscStringProblem(value);
    return problem === undefined ? value : fail(`(tag "${tag}") ${problem}`);
  };

  switch (tag) {
    case "i":
      return { tag, value: integerIn(INT32_MIN, INT32_MAX, "an integer number in -2147483648..2147483647") };
    case "r":
    case "m":
      return { tag, value: integerIn(0, UINT32_MAX, "an integer number in 0..4294967295 (0x00000000..0xFFFFFFFF)") };
    case "f":
      if (typeof value !== "number") return fail(`(tag "f") needs a number value, got ${got()}`);
      return { tag, value: Math.fround(value) };
    case "d":
      if (typeof value !== "number") return fail(`(tag "d") needs a number value, got ${got()}`);
      return { tag, value };
    case "h": {
      const v = integerToBigInt(value);
      if (v === undefined || v < INT64_MIN || v > INT64_MAX) {
        return fail(`(tag "h") needs an integer number or bigint in -2^63..2^63-1, got ${got()}`);
      }
      return { tag, value: normalizeInt64(v) };
    }
    case "t": {
      const v = integerToBigInt(value);
      if (v === undefined || v < 0n || v > UINT64_MAX) {
        return fail(
          `(tag "t") needs an OSC time tag: an integer number or bigint in 0..2^64-1 ` +
            `(NTP seconds in the upper 32 bits, fraction in the lower 32; 1 means "immediately"), got ${got()}`,
        );
      }
      return { tag, value: normalizeInt64(v) };
    }
    case "s":
    case "S":
      return { tag, value: oscString() };
    case "b":
      if (value instanceof Uint8Array) return { tag, value: fromBytes(value) };
      if (typeof value !== "string") return fail(`(tag "b") needs a byte string or Uint8Array value, got ${got()}`);
      if (firstNonByte(value) !== -1) {
        return fail(`(tag "b") ${oscStringProblem(value) ?? ""}, or pass a Uint8Array`);
      }
      return { tag, value };
    case "c":
      if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 255) {
        return { tag, value: String.fromCharCode(value) };
      }
      if (typeof value === "string" && value.length === 1 && value.charCodeAt(0) <= 0xff) return { tag, value };
      return fail(`(tag "c") needs a single-character byte string (or a byte number 0..255), got ${got()}`);
    case "T":
      if (absent || value === true) return { tag, value: true };
      return fail(`(tag "T") takes no value (it means true); omit "value", got ${got()}`);
    case "F":
      if (absent || value === false) return { tag, value: false };
      return fail(`(tag "F") takes no value (it means false); omit "value", got ${got()}`);
    case "N":
    case "I":
      if (absent) return { tag };
      return fail(`(tag "${tag}") takes no value; omit "value", got ${got()}`);
  }
}

/**
 * Validates the `arguments` parameter of {@link Message}: `undefined`/`null`
 * (no arguments) or an array of `{ tag, value }`. Returns frozen normalized
 * values.
 */
export function normalizeArguments(input: unknown, api: string): readonly OscValue[] {
  if (input === undefined || input === null) return Object.freeze([]);
  if (!Array.isArray(input)) {
    throw usageError(
      api,
      `arguments must be an array of { tag, value } tables (or omitted), got ${describe(input)}; ` +
        `wrap a single argument in [ ... ]`,
    );
  }
  const list: unknown[] = input;
  // A plain loop: Array.from with a map function costs ~4x as much (a message from Lua pays it once).
  const out = new Array<OscValue>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = Object.freeze(normalizeArgument(list[i], i, api));
  return Object.freeze(out);
}
