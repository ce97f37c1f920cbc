import type { TraceEvent } from "../../core/trace.js";
import type { Song } from "../../renoise/song/song.js";
import type { CallRecord } from "../run/calls.js";

/** What an invariant looks at: the trace, the peers' socket calls, and whether faults were injected. */
export interface ObservedRun {
  readonly events: readonly TraceEvent[];
  /** Socket calls the peers made (empty if the run was not driven by a scenario). */
  readonly calls: readonly CallRecord[];
  /** True when faults other than stream cuts were injected: lossless-delivery checks do not apply. */
  readonly faulted?: boolean;
  /**
   * True when the run was left to settle (nothing in flight, no callback
   * that could run): then every byte sent must have been delivered, not just
   * a prefix. FuzzScenario runs settle.
   */
  readonly settled?: boolean;
  /** The song at the end of the run (`renoise.song()`), for invariants about what the tool did to it. */
  readonly song?: Song;
}

/**
 * A property every run of the double must have. `rule` names the rule of
 * the semantics sheet (docs/semantics.md, R1–R26) it checks.
 */
export interface Invariant {
  readonly name: string;
  readonly rule: string;
  /** One sentence: what must hold. */
  readonly description: string;
  /**
   * The trace event kinds `check` reads, when it reads only some: a checker
   * may then give it only the events of these kinds (in order, with the
   * `seq` they have in the whole trace). Leave it out when `check` may read
   * any event. An empty list: `check` reads no events (only `calls`).
   */
  readonly kinds?: readonly string[];
  /** Returns one message per violation (empty when the run is fine). */
  check(run: ObservedRun): string[];
}

/** One broken invariant in one run. */
export interface Violation {
  readonly invariant: string;
  readonly rule: string;
  readonly message: string;
}
