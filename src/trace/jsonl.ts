import { RenoiseSimError } from "../core/errors.js";
import type { TraceEvent } from "../core/trace.js";

/** A JSON Lines trace that cannot be read back. */
export class TraceParseError extends RenoiseSimError {
  override name = "TraceParseError";
}

/** A trace as JSON Lines: one event per line, fields in recording order, a newline after each. */
export function toJsonl(events: readonly TraceEvent[]): string {
  let out = "";
  for (const e of events) out += JSON.stringify(e) + "\n";
  return out;
}

/**
 * Reads a trace written by {@link toJsonl} (or `sim.traceJsonl()`) back.
 * Blank lines are skipped; every other line must be one event object with
 * a numeric `seq` and `t` and a string `kind` and `host`, and flat fields.
 */
export function parseTraceJsonl(text: string): TraceEvent[] {
  if (typeof text !== "string") throw new TraceParseError("parseTraceJsonl: expected the text of a .jsonl trace");
  const out: TraceEvent[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new TraceParseError(`parseTraceJsonl: line ${i + 1} is not JSON (${(e as Error).message}): ${line.slice(0, 80)}`);
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      throw new TraceParseError(`parseTraceJsonl: line ${i + 1} is not an event object`);
    }
    const e = v as Record<string, unknown>;
    if (typeof e.seq !== "number" || typeof e.t !== "number" || typeof e.kind !== "string" || typeof e.host !== "string") {
      throw new TraceParseError(`parseTraceJsonl: line ${i + 1} lacks seq, t, kind or host: ${line.slice(0, 80)}`);
    }
    for (const [k, f] of Object.entries(e)) {
      if (f !== null && typeof f === "object") {
        throw new TraceParseError(`parseTraceJsonl: line ${i + 1}: field "${k}" is not a string, number, boolean or null`);
      }
    }
    out.push(e as TraceEvent);
  }
  return out;
}
