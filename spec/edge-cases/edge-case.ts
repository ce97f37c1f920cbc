import type { Simulation } from "../../src/index.js";

/** One documented edge case: a scenario that runs, and what the tool sees. */
export interface EdgeCase {
  /** File name in docs/edge-cases (without .md); also the #region name in its source file. */
  readonly slug: string;
  readonly title: string;
  /** Markdown: what happens on the network and what a tool must do about it. */
  readonly summary: string;
  /** Source file (relative to the repository root) holding the `#region <slug>` shown in the docs. */
  readonly source: string;
  /** Runs the scenario; `seen` lists what the tool observes, in order. */
  run(): { sim: Simulation; seen: string[] };
  /** What `seen` must be (checked by the docs spec, so the prose cannot drift either). */
  readonly expected: readonly string[];
}
