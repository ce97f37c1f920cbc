import { escapeBytes, type ByteString } from "../core/bytes.js";
import type { TraceEvent } from "../core/trace.js";
import { callbacks, payloadCut, payloadOf } from "./invariants/trace-view.js";

/** Anything that carries a trace: an array of events, a simulation, a scenario or fuzz run. */
export type TraceSource = readonly TraceEvent[] | { readonly events: readonly TraceEvent[] };

/** A matcher's verdict, in the shape vitest's `expect.extend` wants. */
export interface MatchResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

function isEvent(x: unknown): x is TraceEvent {
  return typeof x === "object" && x !== null && typeof (x as TraceEvent).seq === "number" && typeof (x as TraceEvent).kind === "string";
}

/** The events of a {@link TraceSource}; throws a TypeError naming `matcher` for anything else. */
export function eventsOf(received: unknown, matcher: string): readonly TraceEvent[] {
  if (Array.isArray(received) && received.every(isEvent)) return received;
  const events = (received as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.every(isEvent)) return events;
  throw new TypeError(`${matcher}: expected a simulation, a run or an array of trace events`);
}

/** Which callbacks count for {@link matchCallbackSequence}. */
export interface CallbackFilter {
  /** Only this server, by its trace label (e.g. "tcp 0.0.0.0:8000"). */
  server?: string;
  /** Only callbacks for this peer endpoint ("address:port"). */
  peer?: string;
}

const full = (name: string): string => (name.startsWith("socket_") ? name : `socket_${name}`);

/**
 * The notifier callbacks of a trace, in order, equal `expected`. Names may
 * drop the `socket_` prefix: `["accepted", "message"]`.
 */
export function matchCallbackSequence(received: unknown, expected: readonly string[], filter: CallbackFilter = {}): MatchResult {
  const events = eventsOf(received, "toHaveCallbackSequence");
  const actual = callbacks(events)
    .filter((c) => (filter.server === undefined || c.server === filter.server) && (filter.peer === undefined || c.peer === filter.peer))
    .map((c) => c.callback);
  const want = expected.map(full);
  const pass = actual.length === want.length && actual.every((c, i) => c === want[i]);
  return {
    pass,
    actual,
    expected: want,
    message: () =>
      pass
        ? `expected the callbacks not to be [${want.join(", ")}]`
        : `expected callbacks [${want.join(", ")}]\n     got callbacks [${actual.join(", ")}]`,
  };
}

/**
 * The bytes that arrived at `host` (TCP and UDP deliveries, in order,
 * concatenated) equal `expected`.
 */
export function matchReceivedBytes(received: unknown, host: string, expected: ByteString): MatchResult {
  const events = eventsOf(received, "toHaveReceivedBytes").filter(
    (e) => (e.kind === "tcp.deliver" || e.kind === "udp.deliver") && e.host === host,
  );
  if (events.some(payloadCut)) {
    return {
      pass: false,
      message: () =>
        `toHaveReceivedBytes: the trace cut payloads short; create the simulation with trace: { payloadLimit: Infinity }`,
    };
  }
  const actual = events.map((e) => payloadOf(e) ?? "").join("");
  const pass = actual === expected;
  return {
    pass,
    actual,
    expected,
    message: () =>
      pass
        ? `expected ${host} not to have received "${escapeBytes(expected, 200)}"`
        : `expected ${host} to have received "${escapeBytes(expected, 200)}" (${expected.length} B)\n` +
          `                  but it received "${escapeBytes(actual, 200)}" (${actual.length} B)`,
  };
}
