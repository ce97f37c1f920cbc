import type { ByteString } from "../../core/bytes.js";
import type { Mode } from "./validate.js";

const LF = 10;
const CR = 13;

/**
 * A client's receive buffer: bytes that arrived and were not read yet, kept
 * in three fields of the client itself (one object fewer per connection, and
 * one fewer to reach on a connection not used for a long time). The
 * functions below implement the three receive modes (R12): "*line" ends at
 * `\n`, `\r\n` or a lone `\r` and drops the newline; "*all" takes everything
 * buffered; n takes exactly n bytes. Nothing is ever lost: what a read does
 * not take stays.
 */
export interface RxBuffer {
  /** The bytes; those before `rxPos` were read. */
  rxBuf: string;
  rxPos: number;
  /** A line ended with `\r` at the end of the buffer: drop a `\n` that follows (CRLF split over two arrivals). */
  rxSkipLf: boolean;
}

export function rxAppend(b: RxBuffer, data: ByteString): void {
  if (data.length === 0) return;
  if (b.rxPos > 0 && b.rxPos === b.rxBuf.length) {
    b.rxBuf = data;
    b.rxPos = 0;
  } else {
    b.rxBuf += data;
  }
}

/** Bytes available to read. */
export function rxLength(b: RxBuffer): number {
  applySkip(b);
  return b.rxBuf.length - b.rxPos;
}

function applySkip(b: RxBuffer): void {
  if (b.rxSkipLf && b.rxPos < b.rxBuf.length) {
    if (b.rxBuf.charCodeAt(b.rxPos) === LF) b.rxPos++;
    b.rxSkipLf = false;
  }
}

function lineEnd(b: RxBuffer): number {
  const buf = b.rxBuf;
  for (let i = b.rxPos; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}

/** True if a read in `mode` would return data now. */
export function rxCanSatisfy(b: RxBuffer, mode: Mode): boolean {
  applySkip(b);
  if (mode.kind === "all") return b.rxBuf.length > b.rxPos;
  if (mode.kind === "bytes") return b.rxBuf.length - b.rxPos >= mode.n;
  return lineEnd(b) >= 0;
}

/** Takes data for `mode` if available, else returns undefined and changes nothing. */
export function rxTake(b: RxBuffer, mode: Mode): ByteString | undefined {
  if (!rxCanSatisfy(b, mode)) return undefined;
  if (mode.kind === "all") return rxTakeAll(b);
  if (mode.kind === "bytes") {
    const out = b.rxBuf.slice(b.rxPos, b.rxPos + mode.n);
    b.rxPos += mode.n;
    compact(b);
    return out;
  }
  const end = lineEnd(b);
  const buf = b.rxBuf;
  const line = buf.slice(b.rxPos, end);
  if (buf.charCodeAt(end) === CR) {
    if (end + 1 < buf.length) {
      b.rxPos = buf.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    } else {
      b.rxPos = end + 1;
      b.rxSkipLf = true;
    }
  } else {
    b.rxPos = end + 1;
  }
  compact(b);
  return line;
}

/** Takes everything buffered (possibly ""). */
export function rxTakeAll(b: RxBuffer): ByteString {
  applySkip(b);
  const out = b.rxPos === 0 ? b.rxBuf : b.rxBuf.slice(b.rxPos);
  b.rxBuf = "";
  b.rxPos = 0;
  return out;
}

function compact(b: RxBuffer): void {
  if (b.rxPos === b.rxBuf.length) {
    b.rxBuf = "";
    b.rxPos = 0;
  } else if (b.rxPos > 65536 && b.rxPos * 2 > b.rxBuf.length) {
    b.rxBuf = b.rxBuf.slice(b.rxPos);
    b.rxPos = 0;
  }
}
