import type { TraceEvent } from "../core/trace.js";

const SKIP = new Set(["seq", "t", "kind", "host", "data", "hash", "bytes"]);

function value(v: unknown): string {
  return typeof v === "string" && /[\s=]/.test(v) ? JSON.stringify(v) : String(v);
}

/**
 * One event as one short line, no padding: `12ms peer1 tcp.send conn=1 5B "hello"`.
 * Meant for snapshots and failure messages, where width matters more than columns.
 */
export function compactEvent(e: TraceEvent): string {
  const parts = [`${e.t}ms`, e.host, e.kind];
  for (const k of Object.keys(e)) {
    if (SKIP.has(k)) continue;
    const v = e[k];
    if (v !== undefined && v !== null) parts.push(`${k}=${value(v)}`);
  }
  if (typeof e.bytes === "number") parts.push(`${e.bytes}B${typeof e.data === "string" ? ` "${e.data}"` : ""}`);
  return parts.join(" ");
}

/** A trace as compact lines (see {@link compactEvent}), optionally only some kinds of events. */
export function compactTrace(events: readonly TraceEvent[], kinds?: readonly string[]): string {
  const keep = kinds ? new Set(kinds) : undefined;
  return events
    .filter((e) => !keep || keep.has(e.kind))
    .map(compactEvent)
    .join("\n");
}
