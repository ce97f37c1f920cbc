import type { TraceEvent } from "../core/trace.js";

/** Fields printed first, in this order; others follow as key=value. */
const LEAD = ["fault", "condition", "action", "link", "callback", "server", "socket", "conn", "from", "to", "at", "peer", "proto", "mode", "timeout"];
const SKIP = new Set(["seq", "t", "kind", "host", "data", "hash", "bytes"]);

/** Options of {@link formatEvent} and {@link formatTrace}. */
export interface FormatOptions {
  /**
   * Payloads longer than this many bytes print as their first and last bytes
   * (half each) around the number left out: `300B "GET /"…280 bytes…"\r\n\r\n"`.
   * Default 64; `Infinity` prints every stored byte.
   */
  payloadBytes?: number;
}

/** Default of {@link FormatOptions.payloadBytes}. */
export const DEFAULT_PAYLOAD_BYTES = 64;

function value(v: unknown): string {
  return typeof v === "string" && /[\s=]/.test(v) ? JSON.stringify(v) : String(v);
}

/** One escaped byte of a trace's `data` field: `\xNN`, `\n`-style, or one character. */
const ESCAPED_BYTE = /\\x[0-9a-f]{2}|\\.|[^\\]/g;

/**
 * The payload of an event as text: the whole escaped data when short, else
 * its first and last bytes around the count left out. `data` holds the
 * escaped bytes as stored (cut with "…" past the trace's payloadLimit).
 */
export function formatPayload(bytes: number, data: string, limit: number = DEFAULT_PAYLOAD_BYTES): string {
  if (bytes <= limit) return `${bytes}B "${data}"`;
  if (data === "") return `${bytes}B`;
  const cut = data.endsWith("…");
  const stored = (cut ? data.slice(0, -1) : data).match(ESCAPED_BYTE) ?? [];
  const headCount = Math.ceil(limit / 2);
  const tailCount = Math.floor(limit / 2);
  const head = stored.slice(0, headCount).join("");
  // The last bytes are known only when the trace stored them all.
  if (stored.length < bytes) return `${bytes}B "${head}"…${bytes - Math.min(headCount, stored.length)} bytes…`;
  const tail = tailCount > 0 ? stored.slice(stored.length - tailCount).join("") : "";
  return `${bytes}B "${head}"…${bytes - headCount - tailCount} bytes…"${tail}"`;
}

/** One event as one line: time, host, kind, then the interesting fields. */
export function formatEvent(e: TraceEvent, options: FormatOptions = {}): string {
  const t = `${e.t.toFixed(1).padStart(9)}ms`;
  const parts: string[] = [];
  for (const k of LEAD) if (e[k] !== undefined && e[k] !== null) parts.push(`${k}=${value(e[k])}`);
  for (const k of Object.keys(e)) {
    if (SKIP.has(k) || LEAD.includes(k)) continue;
    const v = e[k];
    if (v !== undefined && v !== null) parts.push(`${k}=${value(v)}`);
  }
  if (typeof e.bytes === "number") parts.push(formatPayload(e.bytes, typeof e.data === "string" ? e.data : "", options.payloadBytes ?? DEFAULT_PAYLOAD_BYTES));
  return `${t} ${e.host.padEnd(10)} ${e.kind.padEnd(22)} ${parts.join(" ")}`.trimEnd();
}

/** A whole trace as text, one event a line. */
export function formatTrace(events: readonly TraceEvent[], options: FormatOptions = {}): string {
  return events.map((e) => formatEvent(e, options)).join("\n");
}
