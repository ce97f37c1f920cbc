import type { ByteString } from "../../core/bytes.js";
import type { Mode } from "./validate.js";

const LF = 10;
const CR = 13;

/**
 * A client's receive buffer: bytes that arrived and were not read yet.
 * Implements the three receive modes (R12): "*line" ends at `\n`, `\r\n` or
 * a lone `\r` and drops the newline; "*all" takes everything buffered; n takes
 * exactly n bytes. Nothing is ever lost: what a read does not take stays.
 */
export class RxBuffer {
  private buf = "";
  private pos = 0;
  /** A line ended with `\r` at the end of the buffer: drop a `\n` that follows (CRLF split over two arrivals). */
  private skipLf = false;

  append(data: ByteString): void {
    if (data.length === 0) return;
    if (this.pos > 0 && this.pos === this.buf.length) {
      this.buf = data;
      this.pos = 0;
    } else {
      this.buf += data;
    }
  }

  /** Bytes available to read. */
  get length(): number {
    this.applySkip();
    return this.buf.length - this.pos;
  }

  private applySkip(): void {
    if (this.skipLf && this.pos < this.buf.length) {
      if (this.buf.charCodeAt(this.pos) === LF) this.pos++;
      this.skipLf = false;
    }
  }

  private lineEnd(): number {
    for (let i = this.pos; i < this.buf.length; i++) {
      const c = this.buf.charCodeAt(i);
      if (c === LF || c === CR) return i;
    }
    return -1;
  }

  /** True if a read in `mode` would return data now. */
  canSatisfy(mode: Mode): boolean {
    this.applySkip();
    if (mode.kind === "all") return this.buf.length > this.pos;
    if (mode.kind === "bytes") return this.buf.length - this.pos >= mode.n;
    return this.lineEnd() >= 0;
  }

  /** Takes data for `mode` if available, else returns undefined and changes nothing. */
  take(mode: Mode): ByteString | undefined {
    if (!this.canSatisfy(mode)) return undefined;
    if (mode.kind === "all") return this.takeAll();
    if (mode.kind === "bytes") {
      const out = this.buf.slice(this.pos, this.pos + mode.n);
      this.pos += mode.n;
      this.compact();
      return out;
    }
    const end = this.lineEnd();
    const line = this.buf.slice(this.pos, end);
    if (this.buf.charCodeAt(end) === CR) {
      if (end + 1 < this.buf.length) {
        this.pos = this.buf.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      } else {
        this.pos = end + 1;
        this.skipLf = true;
      }
    } else {
      this.pos = end + 1;
    }
    this.compact();
    return line;
  }

  /** Takes everything buffered (possibly ""). */
  takeAll(): ByteString {
    this.applySkip();
    const out = this.pos === 0 ? this.buf : this.buf.slice(this.pos);
    this.buf = "";
    this.pos = 0;
    return out;
  }

  private compact(): void {
    if (this.pos === this.buf.length) {
      this.buf = "";
      this.pos = 0;
    } else if (this.pos > 65536 && this.pos * 2 > this.buf.length) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
  }
}
