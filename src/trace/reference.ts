import { TRACE_FIELDS, TRACE_KINDS } from "./kinds.js";

const COMMON = ["seq", "t", "kind", "host"];

/** docs/trace.md: every trace event kind with its fields, rendered from {@link TRACE_KINDS}. */
export function renderTraceReference(): string {
  const lines: string[] = [
    "# Trace events",
    "",
    "<!-- Generated from src/trace/kinds.ts by `npm run docs:trace`; spec/trace/trace-reference-is-current.spec.ts fails when it is stale. -->",
    "",
    "Every event of a simulation's trace (`sim.events`, `sim.traceJsonl()`, `renoise-sim run --trace`)",
    "is one flat JSON object. Four fields are always there:",
    "",
    "| field | meaning |",
    "|---|---|",
    ...COMMON.map((f) => `| \`${f}\` | ${TRACE_FIELDS[f]} |`),
    "",
    "The other fields depend on the kind; a field marked `?` is present only",
    "sometimes. Text traces (`sim.formatTrace()`) print the same events, one a line, with",
    "payloads over 64 bytes shortened to their first and last bytes (`formatTrace({ payloadBytes })`).",
    "",
    "The trace stores its frequent events (TCP and UDP traffic, socket callbacks, receives, song",
    "sets) as compact rows and makes the event objects when `sim.events` is read: read",
    "`sim.events` again to see events recorded since an earlier read (it is the same array, grown).",
    "",
    "## Kinds",
    "",
    "| kind | what it records | fields |",
    "|---|---|---|",
  ];
  for (const [kind, k] of Object.entries(TRACE_KINDS)) {
    lines.push(`| \`${kind}\` | ${k.about} | ${k.fields.map((f) => `\`${f}\``).join(" ")} |`);
  }
  lines.push("", "## Fields", "", "| field | meaning |", "|---|---|");
  const used = new Set(Object.values(TRACE_KINDS).flatMap((k) => k.fields.map((f) => f.replace(/\?$/, ""))));
  for (const f of Object.keys(TRACE_FIELDS).filter((f) => used.has(f)).sort()) lines.push(`| \`${f}\` | ${TRACE_FIELDS[f]} |`);
  return lines.join("\n") + "\n";
}
