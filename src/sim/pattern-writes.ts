import type { Trace } from "../core/trace.js";
import type { Pattern } from "../renoise/song/pattern.js";
import type { PatternTrack } from "../renoise/song/pattern-track.js";

/** Line numbers as ranges: [1,2,3,8] → "1-3,8". */
function ranges(lines: Iterable<number>): string {
  const sorted = [...lines].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(",");
}

/**
 * Collects pattern line changes and writes them to the trace as one
 * `song.lines` event per callback (or per stretch of test code): which lines
 * of which pattern and track changed. With `cells` on, the event also shows
 * each changed line as it reads afterwards, in pattern text.
 *
 * @internal
 */
export class PatternWriteLog {
  private pending = new Map<Pattern, Map<PatternTrack, Set<number>>>();
  private cause: string | undefined;

  constructor(
    private readonly trace: Trace,
    private readonly host: string,
    private readonly record: () => boolean,
    private readonly cells: () => boolean,
  ) {
    trace.causeListeners.push(() => this.flush());
  }

  /** A line changed (called by the pattern model through the song's context). */
  written(pattern: Pattern, track: PatternTrack, line: number): void {
    if (!this.trace.enabled || !this.record()) return;
    if (this.pending.size > 0 && this.cause !== this.trace.cause) this.flush();
    this.cause = this.trace.cause;
    let byTrack = this.pending.get(pattern);
    if (!byTrack) this.pending.set(pattern, (byTrack = new Map<PatternTrack, Set<number>>()));
    let lines = byTrack.get(track);
    if (!lines) byTrack.set(track, (lines = new Set<number>()));
    lines.add(line);
  }

  /** Writes the pending summary (if any) as one event. */
  flush(): void {
    if (this.pending.size === 0) return;
    const parts: string[] = [];
    const detail: string[] = [];
    let count = 0;
    for (const [pattern, byTrack] of this.pending) {
      for (const [track, lines] of byTrack) {
        const p = pattern.patternIndex();
        const t = pattern.trackIndexOf(track);
        count += lines.size;
        parts.push(`pattern ${p} track ${t} lines ${ranges(lines)}`);
        if (this.cells()) {
          for (const l of [...lines].sort((a, b) => a - b)) {
            if (l <= track.number_of_lines) detail.push(`${p}/${t}/${l}: ${track.toText({ from: l, to: l })}`);
          }
        }
      }
    }
    const cause = this.cause ?? "test";
    this.pending = new Map();
    this.cause = undefined;
    this.trace.record("song.lines", this.host, {
      changes: parts.join("; "),
      lines: count,
      ...(detail.length ? { cells: detail.join(" | ") } : {}),
      cause,
    });
  }
}
