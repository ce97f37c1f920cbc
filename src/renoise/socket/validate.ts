import { SocketLogicError } from "../../core/errors.js";
import { firstNonByte, fromBytes, nonByteMessage, type ByteString } from "../../core/bytes.js";
import type { Protocol, ReceiveMode } from "./types.js";

/** Formats a value for an error message. */
export function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === undefined) return "nil";
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  if (typeof v === "function") return "a function";
  if (Array.isArray(v)) return "a table (array)";
  if (typeof v === "object") return "a table";
  return `a ${typeof v}`;
}

export function checkPort(call: string, port: unknown, allowZero: boolean): number {
  const min = allowZero ? 0 : 1;
  if (typeof port !== "number" || !Number.isInteger(port) || port < min || port > 65535) {
    throw new SocketLogicError(`${call}: port must be an integer in ${min}..65535, got ${show(port)}`);
  }
  return port;
}

export function checkProtocol(call: string, protocol: unknown): Protocol {
  if (protocol === undefined || protocol === null) return 1;
  if (protocol !== 1 && protocol !== 2) {
    throw new SocketLogicError(
      `${call}: protocol must be renoise.Socket.PROTOCOL_TCP (1) or PROTOCOL_UDP (2), got ${show(protocol)}`,
    );
  }
  return protocol;
}

export function checkAddress(call: string, address: unknown): string {
  if (typeof address !== "string" || address === "") {
    throw new SocketLogicError(`${call}: address must be a non-empty string (a host name or IPv4 address), got ${show(address)}`);
  }
  return address;
}

export function checkTimeout(call: string, ms: unknown, allowZero: boolean): number {
  if (typeof ms !== "number" || Number.isNaN(ms) || ms < 0 || (!allowZero && ms === 0) || ms === Infinity) {
    const what = allowZero ? "a finite number >= 0" : "a finite number > 0";
    throw new SocketLogicError(`${call}: timeout must be ${what} (milliseconds), got ${show(ms)}`);
  }
  return ms;
}

/** A validated receive mode. */
export type Mode = { kind: "line" } | { kind: "all" } | { kind: "bytes"; n: number };

const LINE: Mode = Object.freeze({ kind: "line" });
const ALL: Mode = Object.freeze({ kind: "all" });
/** The last count mode {@link checkMode} made (modes are only read: one serves every receive of that count). */
let lastBytes: { readonly kind: "bytes"; readonly n: number } = Object.freeze({ kind: "bytes", n: 1 });

export function checkMode(call: string, mode: unknown): Mode {
  if (mode === "*line" || mode === "*l") return LINE;
  if (mode === "*all") return ALL;
  if (typeof mode === "number" && Number.isInteger(mode) && mode > 0) {
    // A client reading fixed-size records asks for the same count every time: one object for it.
    if (lastBytes.n !== mode) lastBytes = Object.freeze({ kind: "bytes", n: mode });
    return lastBytes;
  }
  throw new SocketLogicError(
    `${call}: invalid receive mode ${show(mode)}; use "*line", "*all" or a whole number of bytes > 0`,
  );
}

export function modeName(m: Mode): string {
  return m.kind === "line" ? "*line" : m.kind === "all" ? "*all" : String(m.n);
}

/** Turns a message into a byte string, or raises a logic error naming the call. */
/** Accepts a SendMessage (byte string, Uint8Array, object with binary_data); anything else raises. */
export function toMessage(call: string, message: unknown): ByteString {
  if (typeof message === "string") {
    const bad = firstNonByte(message);
    if (bad >= 0) throw new SocketLogicError(nonByteMessage(call, message, bad));
    return message;
  }
  if (message instanceof Uint8Array) return fromBytes(message);
  if (message && typeof message === "object" && "binary_data" in message) {
    const data = (message).binary_data;
    if (typeof data === "string") return toMessage(call, data);
  }
  throw new SocketLogicError(
    `${call}: message must be a byte string, a Uint8Array or a renoise.Osc Message/Bundle, got ${show(message)}`,
  );
}

// Re-exported for callers that build values from bytes.
export type { ReceiveMode };
