import fc from "fast-check";
import { firstNonByte, fromBytes, nonByteMessage, type ByteString } from "../../core/bytes.js";
import { SimulationUsageError } from "../../core/errors.js";
import { Message } from "../../renoise/osc/message.js";
import type { OscArgument } from "../../renoise/osc/types.js";
import { BytesArbitrary } from "./bytes-arbitrary.js";

/** Options of {@link bytesPayload}. */
export interface BytesPayloadOptions {
  /** Default 1 (an empty send carries nothing a tool could see). */
  minLength?: number;
  /** Default 24. */
  maxLength?: number;
}

/** Any bytes 0–255, NUL included (R23). Shrinks toward short runs of `\0`. */
export function bytesPayload(options: BytesPayloadOptions = {}): fc.Arbitrary<ByteString> {
  const minLength = options.minLength ?? 1;
  const maxLength = options.maxLength ?? 24;
  if (!(minLength >= 0) || !(maxLength >= minLength)) {
    throw new SimulationUsageError(`payloads.bytes: need 0 <= minLength <= maxLength, got ${minLength}..${maxLength}`);
  }
  // fc.uint8Array({ minLength, maxLength }).map(fromBytes), drawn in one step (same draws, values and shrinks).
  return new BytesArbitrary(minLength, maxLength);
}

/** Printable ASCII without newline characters (one code unit per byte). */
function printable(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  const unit = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
  return fc.string({ unit, minLength, maxLength });
}

/** Newline styles a line protocol may use (R12). */
export type NewlineStyle = "\n" | "\r\n" | "\r" | "any";

/** Options of {@link linePayload} and {@link linesPayload}. */
export interface LinePayloadOptions {
  /** Longest line text, without its newline. Default 16. */
  maxLength?: number;
  /** Line ending; "any" mixes the three styles. Default "\n". */
  newline?: NewlineStyle;
  /** Most lines in one payload ({@link linesPayload} only). Default 3. */
  maxLines?: number;
}

function newline(style: NewlineStyle): fc.Arbitrary<string> {
  return style === "any" ? fc.constantFrom("\n", "\r\n", "\r") : fc.constant(style);
}

/** One line of printable ASCII with its newline, e.g. `"bpm 120\n"`. */
export function linePayload(options: LinePayloadOptions = {}): fc.Arbitrary<ByteString> {
  return fc
    .tuple(printable(options.maxLength ?? 16), newline(options.newline ?? "\n"))
    .map(([text, nl]) => text + nl);
}

/** One to `maxLines` lines in one payload. */
export function linesPayload(options: LinePayloadOptions = {}): fc.Arbitrary<ByteString> {
  return fc.array(linePayload(options), { minLength: 1, maxLength: options.maxLines ?? 3 }).map((ls) => ls.join(""));
}

/** Options of {@link httpRequestPayload}. */
export interface HttpRequestPayloadOptions {
  /** Request methods. Default GET and POST. */
  methods?: readonly string[];
  /** Paths to choose from; default: generated paths like "/a/b1". */
  paths?: readonly string[];
  /** Longest body of requests with a body (POST, PUT). Default 12. */
  maxBody?: number;
}

/**
 * A complete HTTP/1.1 request: request line, Host header, Content-Length
 * and a body for methods that carry one, each line ending in CRLF.
 */
export function httpRequestPayload(options: HttpRequestPayloadOptions = {}): fc.Arbitrary<ByteString> {
  const methods = options.methods ?? ["GET", "POST"];
  if (methods.length === 0) throw new SimulationUsageError("payloads.httpRequest: methods must not be empty");
  const segment = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 6 });
  const path =
    options.paths && options.paths.length > 0
      ? fc.constantFrom(...options.paths)
      : fc.array(segment, { maxLength: 3 }).map((s) => "/" + s.join("/"));
  return fc
    .tuple(fc.constantFrom(...methods), path, printable(options.maxBody ?? 12))
    .map(([method, p, body]) => {
      const head = `${method} ${p} HTTP/1.1\r\nHost: renoise\r\n`;
      const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
      return hasBody ? `${head}Content-Length: ${body.length}\r\n\r\n${body}` : `${head}\r\n`;
    });
}

/** Options of {@link oscMessagePayload}. */
export interface OscMessagePayloadOptions {
  /** Address patterns to choose from; default: generated ones like "/renoise/song/bpm". */
  patterns?: readonly string[];
  /** Most arguments. Default 3. */
  maxArgs?: number;
}

const oscArgument: fc.Arbitrary<OscArgument> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value): OscArgument => ({ tag: "i", value })),
  fc.float({ noNaN: true, noDefaultInfinity: true }).map((value): OscArgument => ({ tag: "f", value })),
  printable(8).map((value): OscArgument => ({ tag: "s", value })),
  fc.constantFrom<OscArgument>({ tag: "T" }, { tag: "F" }),
);

/** The binary form of an OSC message (what tools send over UDP, R11), built with `renoise.Osc.Message`. */
export function oscMessagePayload(options: OscMessagePayloadOptions = {}): fc.Arbitrary<ByteString> {
  const word = fc.constantFrom("renoise", "transport", "song", "bpm", "start", "stop", "trigger", "note_on");
  const pattern =
    options.patterns && options.patterns.length > 0
      ? fc.constantFrom(...options.patterns)
      : fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => "/" + ws.join("/"));
  return fc
    .tuple(pattern, fc.array(oscArgument, { maxLength: options.maxArgs ?? 3 }))
    .map(([p, args]) => Message(p, args).binary_data);
}

/** A change applied to a valid payload by {@link nearValidPayload}. */
type Mutation =
  | { kind: "flip"; index: number; byte: number }
  | { kind: "truncate"; index: number }
  | { kind: "duplicate"; index: number }
  | { kind: "insert"; index: number; byte: number };

function applyMutation(s: ByteString, m: Mutation): ByteString {
  if (s.length === 0) return m.kind === "insert" ? String.fromCharCode(m.byte) : s;
  const i = m.index % (s.length + (m.kind === "insert" ? 1 : 0));
  switch (m.kind) {
    case "flip":
      return s.slice(0, i) + String.fromCharCode(m.byte) + s.slice(i + 1);
    case "truncate":
      return s.slice(0, i);
    case "duplicate":
      return s.slice(0, i + 1) + s.slice(i);
    case "insert":
      return s.slice(0, i) + String.fromCharCode(m.byte) + s.slice(i);
  }
}

/**
 * Near-valid input: a payload of `valid` with a few byte-level mutations
 * (flip, truncate, duplicate, insert). Shrinks toward the unmutated payload.
 */
export function nearValidPayload(valid: fc.Arbitrary<ByteString>, maxMutations = 2): fc.Arbitrary<ByteString> {
  const index = fc.nat({ max: 4096 });
  const byte = fc.integer({ min: 0, max: 255 });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), index, byte }),
    fc.record({ kind: fc.constant("truncate" as const), index }),
    fc.record({ kind: fc.constant("duplicate" as const), index }),
    fc.record({ kind: fc.constant("insert" as const), index, byte }),
  );
  return fc
    .tuple(valid, fc.array(mutation, { maxLength: maxMutations }))
    .map(([s, ms]) => ms.reduce(applyMutation, s));
}

/**
 * Your own grammar: any arbitrary of byte strings or `Uint8Array`s. Strings
 * are checked to be byte strings (one char per byte; encode text with `text()`).
 */
export function customPayload(arb: fc.Arbitrary<ByteString | Uint8Array>): fc.Arbitrary<ByteString> {
  return arb.map((v) => {
    if (v instanceof Uint8Array) return fromBytes(v);
    if (typeof v !== "string") throw new SimulationUsageError("payloads.custom: values must be byte strings or Uint8Arrays");
    const bad = firstNonByte(v);
    if (bad >= 0) throw new SimulationUsageError(nonByteMessage("payloads.custom", v, bad));
    return v;
  });
}

/**
 * Payload generators for scenarios: arbitrary bytes, and grammars for the
 * inputs tools parse (lines, HTTP requests, OSC messages), near-valid
 * variants of any of them, and your own.
 */
export const payloads = {
  bytes: bytesPayload,
  line: linePayload,
  lines: linesPayload,
  httpRequest: httpRequestPayload,
  oscMessage: oscMessagePayload,
  nearValid: nearValidPayload,
  custom: customPayload,
} as const;
