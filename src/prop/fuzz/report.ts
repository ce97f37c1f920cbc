import type { TraceEvent } from "../../core/trace.js";
import { formatTrace } from "../../trace/format.js";
import { describeScenario } from "../describe.js";
import { renderMermaid } from "../../trace/mermaid.js";
import { scenarioSize, type FuzzScenario, type FuzzScenarioSize } from "../scenario.js";
import { FuzzFailure } from "./failure.js";

/** What a failure report is built from. */
export interface FailureInput {
  /** Absent for a single replayed scenario. */
  seed: number | undefined;
  path: string | undefined;
  runs: number;
  numShrinks: number;
  scenario: FuzzScenario;
  originalScenario: FuzzScenario;
  reason: string;
  cause: unknown;
  events: readonly TraceEvent[];
}

/** Lines of trace text kept in the report message (the full trace is on the error). */
const MAX_TRACE_LINES = 150;

function sizeText(s: FuzzScenarioSize): string {
  const n = (k: number, w: string): string => `${k} ${w}${k === 1 ? "" : "s"}`;
  const parts = [n(s.peers, "peer"), n(s.steps, "step"), n(s.sends, "send"), n(s.bytes, "byte"), n(s.cuts, "cut")];
  if (s.faults > 0) parts.push(n(s.faults, "fault"));
  return `${parts.join(", ")} (total ${s.total})`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => "    " + l)
    .join("\n");
}

/** Builds the {@link FuzzFailure} and its report text. */
export function buildFailure(f: FailureInput): FuzzFailure {
  const sizeBefore = scenarioSize(f.originalScenario);
  const sizeAfter = scenarioSize(f.scenario);
  const readable = describeScenario(f.scenario);
  const trace = formatTrace(f.events);
  const mermaid = renderMermaid(f.events);
  const traceLines = trace.split("\n");
  const shownTrace =
    traceLines.length > MAX_TRACE_LINES
      ? [...traceLines.slice(0, MAX_TRACE_LINES), `… ${traceLines.length - MAX_TRACE_LINES} more lines (error.trace has all)`].join("\n")
      : trace;
  const replayed = f.seed === undefined;
  const head = replayed
    ? "replayScenario: the scenario fails."
    : `fuzzNotifier: a scenario fails (after ${f.runs} runs, shrunk ${f.numShrinks} times; seed ${f.seed}, path "${f.path}").`;
  const replay = replayed
    ? []
    : [
        "",
        "Replay it:",
        `    fuzzNotifier(makeNotifier, { ...yourOptions, seed: ${f.seed}, path: ${JSON.stringify(f.path)} })`,
        "  or run just this scenario:",
        `    replayScenario(makeNotifier, ${JSON.stringify(f.scenario)}, yourOptions)`,
      ];
  const message = [
    head,
    "",
    "Why:",
    indent(f.reason),
    "",
    `Minimal scenario (before shrinking: ${sizeText(sizeBefore)}; after: ${sizeText(sizeAfter)}):`,
    indent(readable),
    ...replay,
    "",
    "Trace:",
    indent(shownTrace),
    "",
    "Mermaid:",
    indent(mermaid),
  ].join("\n");
  return new FuzzFailure(
    message,
    {
      seed: f.seed ?? Number.NaN,
      path: f.path ?? "",
      runs: f.runs,
      numShrinks: f.numShrinks,
      scenario: f.scenario,
      originalScenario: f.originalScenario,
      sizeBefore,
      sizeAfter,
      reason: f.reason,
      readable,
      trace,
      mermaid,
    },
    f.cause,
  );
}
