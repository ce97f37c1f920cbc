import type { TraceEvent, TraceValue } from "../core/trace.js";
import { SongPos } from "../renoise/song/song-pos.js";
import { eventsOf, type MatchResult } from "./matchers.js";

/** What a `song.set` must show for {@link matchSongChange}; every given field must match. */
export interface SongChangeExpectation {
  /** The new value (trace form: SongPos as "{1, 5}", tables as "{1, 2}"). */
  to?: TraceValue;
  /** The old value. */
  from?: TraceValue;
  /** What caused it: exact text ("test"), or a pattern (/^socket_message#/). */
  cause?: string | RegExp;
}

function show(e: TraceEvent): string {
  return `${e.path as string}: ${JSON.stringify(e.old)} -> ${JSON.stringify(e.value)} (${e.cause as string})`;
}

function causeMatches(want: string | RegExp | undefined, got: TraceValue | undefined): boolean {
  if (want === undefined) return true;
  return typeof want === "string" ? got === want : want.test(String(got));
}

/**
 * Some `song.set` of `path` matches `expected`:
 * `expect(sim).toHaveSongChange("transport.bpm", { to: 140, cause: /socket_message/ })`.
 */
export function matchSongChange(received: unknown, path: string, expected: SongChangeExpectation = {}): MatchResult {
  const sets = eventsOf(received, "toHaveSongChange").filter((e) => e.kind === "song.set");
  const ofPath = sets.filter((e) => e.path === path);
  const pass = ofPath.some(
    (e) =>
      ("to" in expected ? e.value === expected.to : true) &&
      ("from" in expected ? e.old === expected.from : true) &&
      causeMatches(expected.cause, e.cause),
  );
  const want = `${path}${"from" in expected ? ` from ${JSON.stringify(expected.from)}` : ""}${"to" in expected ? ` to ${JSON.stringify(expected.to)}` : ""}${expected.cause !== undefined ? ` caused by ${String(expected.cause)}` : ""}`;
  return {
    pass,
    message: () =>
      pass
        ? `expected no song change of ${want}`
        : `expected a song change of ${want}\n${ofPath.length ? `changes of ${path}:\n  ${ofPath.map(show).join("\n  ")}` : `no change of ${path}; changed: ${[...new Set(sets.map((e) => e.path))].join(", ") || "nothing"}`}`,
  };
}

/** The `song.call` paths of a trace, in order, equal `expected` (`["transport.start", "transport.stop"]`). */
export function matchSongCalls(received: unknown, expected: readonly string[]): MatchResult {
  const actual = eventsOf(received, "toHaveSongCalls")
    .filter((e) => e.kind === "song.call")
    .map((e) => e.path as string);
  const pass = actual.length === expected.length && actual.every((p, i) => p === expected[i]);
  return {
    pass,
    actual,
    expected,
    message: () => (pass ? `expected the song calls not to be [${expected.join(", ")}]` : `expected song calls [${expected.join(", ")}]\n     got song calls [${actual.join(", ")}]`),
  };
}

/** A SongPos (or `{sequence, line}`) is at `sequence`, `line`: `expect(t.playback_pos).toBeSongPos(1, 17)`. */
export function matchSongPos(received: unknown, sequence: number, line: number): MatchResult {
  const p = received as { sequence?: unknown; line?: unknown } | null;
  if (typeof p !== "object" || p === null || typeof p.sequence !== "number" || typeof p.line !== "number") {
    throw new TypeError("toBeSongPos: expected a renoise.SongPos (transport.playback_pos, edit_pos, ...)");
  }
  const pass = p.sequence === sequence && p.line === line;
  const got = p instanceof SongPos ? p.toString() : `{${p.sequence}, ${p.line}}`;
  return {
    pass,
    message: () => (pass ? `expected a position other than {${sequence}, ${line}}` : `expected position {${sequence}, ${line}}, got ${got}`),
  };
}
