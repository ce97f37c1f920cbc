import { traceShape, type Trace, type TraceValue } from "../core/trace.js";
import type { Pattern } from "../renoise/song/pattern.js";
import type { PatternTrack } from "../renoise/song/pattern-track.js";
import { PatternWriteLog } from "./pattern-writes.js";
import { modelDefOf, ModelObject, type ModelContext } from "../renoise/document/model.js";

/** A change of a song property, recorded as a row (see Trace.row): the hot event of tools that drive the song. */
const SONG_SET = traceShape("song.set", ["path", "old", "value", "cause"]);

/** Shows a model value in a trace field. */
export function traceValue(v: unknown): TraceValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return `{${v.map((x) => String(traceValue(x))).join(", ")}}`;
  if (v instanceof ModelObject) {
    const path = v._path();
    if (path) return path;
    const own = (v as { toString(): string }).toString();
    return own !== "[object Object]" ? own : (modelDefOf(v)?.typeName ?? "object");
  }
  return typeof v === "bigint" ? String(v) : typeof v;
}

/**
 * The song's link to a simulation: changes become `song.set` events and
 * effectful calls `song.call` events (with the callback or timer that caused
 * them, "test" for the test's own code), playback runs on the simulation's
 * virtual time.
 *
 * @internal
 */
export function songContext(
  trace: Trace,
  host: string,
  now: () => number,
  record: () => boolean,
  patternCells: () => boolean = () => false,
): ModelContext {
  const lines = new PatternWriteLog(trace, host, record, patternCells);
  return {
    now,
    lineWritten: (pattern, track, line) => lines.written(pattern as Pattern, track as PatternTrack, line),
    flush: () => lines.flush(),
    recording: () => trace.enabled && record(),
    changed(path, old, value) {
      if (!trace.enabled || !record()) return;
      trace.row(SONG_SET, host, path, traceValue(old), traceValue(value), trace.cause ?? "test");
    },
    called(path, args) {
      if (!trace.enabled || !record()) return;
      trace.record("song.call", host, {
        path,
        args: args.map((a) => String(traceValue(a))).join(", "),
        cause: trace.cause ?? "test",
      });
    },
  };
}
