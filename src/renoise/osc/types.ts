/**
 * Types of the renoise.Osc double: type tags, argument values and the
 * result of {@link from_binary_data}.
 *
 * @module
 */
import type { OscBundle } from "./bundle.js";
import type { OscMessage } from "./message.js";

/**
 * An OSC type tag Renoise supports (see Renoise's `OscTag` alias):
 *
 * | tag | meaning | `value` in TypeScript |
 * |-----|---------|------------------------|
 * | `i` | int32 | integer number |
 * | `f` | float32 | number |
 * | `s` | OSC-string | byte string without NUL |
 * | `b` | OSC-blob | byte string (any bytes) |
 * | `h` | int64 (two's complement) | {@link OscInt64} |
 * | `t` | OSC time tag (unsigned 64 bit) | {@link OscInt64} |
 * | `d` | float64 | number |
 * | `S` | alternate string ("symbol") | byte string without NUL |
 * | `c` | character sent as 32 bits | one-character byte string |
 * | `r` | 32 bit RGBA colour | integer 0..0xFFFFFFFF (R in the top byte) |
 * | `m` | 4 byte MIDI message (port, status, data1, data2 from MSB to LSB) | integer 0..0xFFFFFFFF |
 * | `T` | true, no payload | `true` |
 * | `F` | false, no payload | `false` |
 * | `N` | nil, no payload | none |
 * | `I` | infinitum (impulse), no payload | none |
 *
 * OSC arrays (`[` and `]`) are not supported, as in Renoise.
 */
export type OscTag = "i" | "f" | "s" | "b" | "h" | "t" | "d" | "S" | "c" | "r" | "m" | "T" | "F" | "N" | "I";

/** Every {@link OscTag}, in the order Renoise documents them. */
export const OSC_TAGS: readonly OscTag[] = Object.freeze([
  "i", "f", "s", "b", "h", "t", "d", "S", "c", "r", "m", "T", "F", "N", "I",
] as const);

/**
 * A 64-bit integer value (tags `h` and `t`, and {@link OscBundle.timetag}).
 *
 * Values are always exact: a value is a `number` when it is a safe integer
 * (|v| ≤ 2^53 − 1), otherwise a `bigint`. Inputs may be either.
 */
export type OscInt64 = number | bigint;

/**
 * A normalized message argument, as found in {@link OscMessage.arguments}
 * (and in messages returned by {@link from_binary_data}). Mirrors Renoise's
 * `{tag = "X", value = SomeValue}` tables.
 */
export type OscValue =
  | { readonly tag: "i" | "f" | "d" | "r" | "m"; readonly value: number }
  | { readonly tag: "h" | "t"; readonly value: OscInt64 }
  | { readonly tag: "s" | "S" | "b" | "c"; readonly value: string }
  | { readonly tag: "T"; readonly value: true }
  | { readonly tag: "F"; readonly value: false }
  | { readonly tag: "N" | "I"; readonly value?: undefined };

/**
 * What {@link Message} accepts as one argument: `{ tag, value }`. The value
 * must be convertible to the tag (see {@link OscTag}); `T`, `F`, `N` and `I`
 * need no value. Extra conveniences: `b` also accepts a `Uint8Array`, `c` also
 * accepts a byte number 0..255, `T`/`F` accept `true`/`false` respectively.
 * `null` counts as "no value".
 */
export interface OscArgument {
  /** The OSC type tag. */
  readonly tag: OscTag;
  /** The value, convertible to `tag`; omit it for `T`, `F`, `N`, `I`. */
  readonly value?: number | bigint | string | boolean | Uint8Array | null;
}

/** A bundle element: a message or a (nested) bundle. */
export type OscElement = OscMessage | OscBundle;

/**
 * The result of {@link from_binary_data}, mirroring Lua's two return values:
 * `[object, undefined]` on success, `[undefined, errorMessage]` on failure.
 */
export type OscDecodeResult = readonly [OscElement, undefined] | readonly [undefined, string];
