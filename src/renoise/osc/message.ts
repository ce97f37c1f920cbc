/**
 * `renoise.Osc.Message`: an OSC message with an address pattern and typed
 * arguments.
 *
 * @module
 */
import { escapeBytes } from "../../core/bytes.js";
import type { ByteString } from "../../core/bytes.js";
import { normalizeArguments, oscStringProblem } from "./arguments.js";
import { encodeMessage } from "./encode.js";
import { describe, usageError } from "./errors.js";
import type { OscArgument, OscValue } from "./types.js";

const API = "renoise.Osc.Message";

/**
 * Validates an address pattern for `api`: a byte string without NUL that
 * starts with "/". Throws an `OscUsageError` otherwise.
 */
export function checkPattern(pattern: unknown, api: string): ByteString {
  if (typeof pattern !== "string") {
    throw usageError(api, `pattern must be a string such as "/renoise/transport/start", got ${describe(pattern)}`);
  }
  if (!pattern.startsWith("/")) {
    throw usageError(
      api,
      `pattern must start with "/" (an OSC address such as "/renoise/transport/start"), got ${describe(pattern)}`,
    );
  }
  const problem = oscStringProblem(pattern);
  if (problem !== undefined) throw usageError(api, `pattern ${problem}`);
  return pattern;
}

/** Set by {@link decodedMessage} for the one constructor call it makes. */
let decoded = false;

/**
 * The message the decoder read: `pattern` a byte string starting with "/"
 * without NUL, `args` each in the form {@link normalizeArguments} gives (the
 * decoder reads them so: an int32 is never -0, a float32 is its own
 * `Math.fround`, 64-bit integers are normalized, a char is a one-byte
 * string). Checking them again would find nothing: the same message as
 * `new OscMessage(pattern, args)`, without the checks. Freezes `args` and
 * each of them.
 *
 * @internal for decode.ts
 */
export function decodedMessage(pattern: ByteString, args: OscValue[]): OscMessage {
  for (const a of args) Object.freeze(a);
  decoded = true;
  try {
    return new OscMessage(pattern, args);
  } finally {
    decoded = false;
  }
}

/**
 * An OSC message, as created by {@link Message} or returned by
 * {@link from_binary_data}. Immutable: all properties are read-only, as in
 * Renoise, and {@link OscMessage.arguments} is frozen.
 */
export class OscMessage {
  /** The address pattern, e.g. `"/renoise/transport/start"`. */
  readonly pattern: string;
  /**
   * The normalized arguments: `{ tag, value }` objects (see {@link OscValue}).
   * Equal to the arguments of the message decoded from {@link OscMessage.binary_data}.
   */
  readonly arguments: readonly OscValue[];
  /** The OSC 1.0 wire encoding of this message, as a byte string (what a socket sends). */
  readonly binary_data: ByteString;

  /**
   * Creates a message; same as {@link Message}.
   * @param pattern - OSC address pattern; must start with "/".
   * @param args - optional array of `{ tag, value }` arguments.
   * @throws OscUsageError (message starting with `renoise.Osc.Message:`) on misuse.
   */
  constructor(pattern: string, args?: readonly OscArgument[] | null) {
    if (decoded) {
      // From the decoder (see decodedMessage, which resets the flag): a valid pattern and normalized arguments.
      this.pattern = pattern;
      this.arguments = Object.freeze(args as OscValue[]);
    } else {
      this.pattern = checkPattern(pattern, API);
      this.arguments = normalizeArguments(args, API);
    }
    this.binary_data = encodeMessage(this.pattern, this.arguments);
    if (new.target === OscMessage) Object.freeze(this);
  }

  /** A readable rendering, e.g. `/foo ,ifs 1000 1.5 "hi"`. */
  toString(): string {
    const tags = "," + this.arguments.map((a) => a.tag).join("");
    const values = this.arguments.map(renderValue).filter((s) => s !== "");
    return [escapeBytes(this.pattern), tags, ...values].join(" ");
  }
}

function renderValue(arg: OscValue): string {
  switch (arg.tag) {
    case "s":
    case "S":
    case "c":
      return `"${escapeBytes(arg.value)}"`;
    case "b":
      return `blob(${arg.value.length}) "${escapeBytes(arg.value, 32)}"`;
    case "h":
    case "t":
      return String(arg.value);
    case "r":
    case "m":
      return "0x" + arg.value.toString(16).padStart(8, "0");
    case "i":
    case "f":
    case "d":
      return String(arg.value);
    case "T":
    case "F":
    case "N":
    case "I":
      return "";
  }
}

/**
 * `renoise.Osc.Message(pattern, arguments?)`: creates an OSC message.
 *
 * @param pattern - OSC address pattern; must be a string starting with "/".
 * @param args - optional array of `{ tag, value }` (see {@link OscArgument}).
 * @returns the new {@link OscMessage}.
 * @throws OscUsageError (message starting with `renoise.Osc.Message:`) for a
 *   non-string or relative pattern, a non-array `arguments`, an unknown tag or
 *   a value not convertible to its tag.
 * @example
 * ```ts
 * Message("/renoise/trigger/note_on", [
 *   { tag: "i", value: 1 }, { tag: "i", value: -1 }, { tag: "i", value: 48 }, { tag: "i", value: 127 },
 * ]);
 * ```
 */
export function Message(pattern: string, args?: readonly OscArgument[] | null): OscMessage {
  return new OscMessage(pattern, args);
}
