import type { TraceEvent } from "../core/trace.js";
import { formatEvent } from "./format.js";

/** Where two traces part: the index of the first differing event and the events there. */
export interface TraceDivergence {
  /** 0-based index of the first event that differs (or that only one trace has). */
  index: number;
  a: TraceEvent | undefined;
  b: TraceEvent | undefined;
  /** Fields whose values differ (all fields when one side is missing). */
  fields: string[];
}

function canonical(e: TraceEvent): string {
  return JSON.stringify(Object.keys(e).sort().map((k) => [k, e[k]]));
}

/** The first event where traces `a` and `b` part, or undefined if they are identical. */
export function diffTraces(a: readonly TraceEvent[], b: readonly TraceEvent[]): TraceDivergence | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x && y && canonical(x) === canonical(y)) continue;
    const keys = [...new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])];
    const fields = x && y ? keys.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])) : keys;
    return { index: i, a: x, b: y, fields };
  }
  return undefined;
}

/**
 * A readable account of where two traces part: a few common events before,
 * then the two differing events and the fields that differ.
 */
export function formatTraceDiff(
  a: readonly TraceEvent[],
  b: readonly TraceEvent[],
  options: { context?: number; labels?: [string, string] } = {},
): string {
  const [la, lb] = options.labels ?? ["a", "b"];
  const d = diffTraces(a, b);
  if (!d) return `The traces are identical (${a.length} events).`;
  const at = d.a ?? d.b!;
  const lines = [
    `The traces part at event ${d.index + 1} (${la}: ${a.length} events, ${lb}: ${b.length} events), at ${at.t} ms:`,
  ];
  const context = options.context ?? 3;
  for (let i = Math.max(0, d.index - context); i < d.index; i++) lines.push(`  ${formatEvent(a[i]!)}`);
  lines.push(`- ${la}: ${d.a ? formatEvent(d.a) : "(no more events)"}`);
  lines.push(`+ ${lb}: ${d.b ? formatEvent(d.b) : "(no more events)"}`);
  if (d.a && d.b) {
    const shown = d.fields.map((k) => `${k}: ${JSON.stringify(d.a![k])} ≠ ${JSON.stringify(d.b![k])}`);
    lines.push(`  differing fields: ${shown.join("; ")}`);
  }
  return lines.join("\n");
}
