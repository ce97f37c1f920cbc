import type { TraceEvent } from "../core/trace.js";

/** Fields printed first, in this order; others follow as key=value. */
const LEAD = ["fault", "condition", "action", "link", "callback", "server", "socket", "conn", "from", "to", "at", "peer", "proto", "mode", "timeout"];
const SKIP = new Set(["seq", "t", "kind", "host", "data", "hash", "bytes"]);

function value(v: unknown): string {
  return typeof v === "string" && /[\s=]/.test(v) ? JSON.stringify(v) : String(v);
}

/** One event as one line: time, host, kind, then the interesting fields. */
export function formatEvent(e: TraceEvent): string {
  const t = `${e.t.toFixed(1).padStart(9)}ms`;
  const parts: string[] = [];
  for (const k of LEAD) if (e[k] !== undefined && e[k] !== null) parts.push(`${k}=${value(e[k])}`);
  for (const k of Object.keys(e)) {
    if (SKIP.has(k) || LEAD.includes(k)) continue;
    const v = e[k];
    if (v !== undefined && v !== null) parts.push(`${k}=${value(v)}`);
  }
  if (typeof e.bytes === "number") parts.push(`${e.bytes}B "${typeof e.data === "string" ? e.data : ""}"`);
  return `${t} ${e.host.padEnd(10)} ${e.kind.padEnd(22)} ${parts.join(" ")}`.trimEnd();
}

/** A whole trace as text, one event a line. */
export function formatTrace(events: readonly TraceEvent[]): string {
  return events.map(formatEvent).join("\n");
}
