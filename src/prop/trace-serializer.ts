import type { TraceEvent } from "../core/trace.js";
import { compactEvent } from "./compact-trace.js";

/** A simulation, recognised by shape: `instanceof` fails across the package's ESM and CJS builds. */
function isSimulation(val: unknown): val is { readonly events: readonly TraceEvent[] } {
  const v = val as { events?: unknown; advance?: unknown; runUntilIdle?: unknown } | null;
  return typeof v === "object" && v !== null && Array.isArray(v.events) && typeof v.advance === "function" && typeof v.runUntilIdle === "function";
}

function isTrace(val: unknown): val is readonly TraceEvent[] {
  return (
    Array.isArray(val) &&
    val.length > 0 &&
    val.every((e) => typeof e === "object" && e !== null && typeof (e as TraceEvent).seq === "number" && typeof (e as TraceEvent).kind === "string" && typeof (e as TraceEvent).host === "string")
  );
}

/**
 * A snapshot serializer (vitest / pretty-format plugin) that prints a trace
 * — an array of trace events, or a simulation — one compact line per event.
 */
export const traceSerializer = {
  test(val: unknown): boolean {
    return isSimulation(val) || isTrace(val);
  },
  serialize(val: unknown, config: { indent: string }, indentation: string): string {
    const events = isSimulation(val) ? val.events : (val as readonly TraceEvent[]);
    const inner = indentation + config.indent;
    return `Trace [\n${events.map((e) => inner + compactEvent(e)).join("\n")}\n${indentation}]`;
  },
};
