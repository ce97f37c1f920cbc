import type { Summary } from "./stats.js";

/** One measured figure, optionally against a reference measured in the same run. */
export interface Row {
  /** What was measured, e.g. "sim.schedule → callback". */
  readonly label: string;
  /** Unit of `value` (and of the reference), e.g. "events/s". */
  readonly unit: string;
  readonly value: Summary;
  /** The reference the ratio is taken against (in `unit` when it has its own). */
  readonly reference?: { readonly label: string; readonly value: Summary; readonly unit?: string };
  /** value / reference per repetition, or another derived ratio (see `ratioLabel`). */
  readonly ratio?: Summary;
  /** What the ratio means when it is not value / reference, e.g. "virtual/wall". */
  readonly ratioLabel?: string;
  /** The goal in words and whether it is met (by the median, or by the low end where the text says "low end"). */
  readonly goal?: { readonly text: string; readonly met: boolean };
}

/** A row for a figure that cannot be measured yet, with the reason. */
export interface Unavailable {
  readonly label: string;
  readonly unavailable: string;
  readonly goal?: string;
}

/** A benchmark: a name for `--only`, a title, and a run that yields rows. */
export interface Benchmark {
  readonly name: string;
  readonly title: string;
  run(): Promise<(Row | Unavailable)[]>;
}

/** Formats a number with 3 significant digits and a k/M/G suffix. */
export function fmt(n: number): string {
  const a = Math.abs(n);
  const [d, s] = a >= 1e9 ? [1e9, "G"] : a >= 1e6 ? [1e6, "M"] : a >= 1e3 ? [1e3, "k"] : [1, ""];
  const v = n / d;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${s}`;
}

/** "median [min–max]" */
export function fmtSummary(s: Summary, f: (n: number) => string = fmt): string {
  return `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
}

/** A ratio as "12.3×". */
export function fmtRatio(n: number): string {
  return `${n >= 1000 ? fmt(n) : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)}×`;
}

function referenceText(ref: NonNullable<Row["reference"]>): string {
  return `${ref.label}: ${fmtSummary(ref.value)}${ref.unit ? ` ${ref.unit}` : ""}`;
}

function isUnavailable(r: Row | Unavailable): r is Unavailable {
  return "unavailable" in r;
}

/** Prints rows as an aligned text table. */
export function printRows(rows: readonly (Row | Unavailable)[], out: (line: string) => void): void {
  const table: string[][] = [["figure", "median [min–max]", "reference", "ratio", "goal"]];
  for (const r of rows) {
    if (isUnavailable(r)) {
      table.push([r.label, r.unavailable, "", "", r.goal ?? ""]);
      continue;
    }
    table.push([
      r.label,
      `${fmtSummary(r.value)} ${r.unit}`,
      r.reference ? referenceText(r.reference) : "",
      r.ratio ? `${r.ratioLabel ? r.ratioLabel + " " : ""}${fmtSummary(r.ratio, fmtRatio)}` : "",
      r.goal ? `${r.goal.text} ${r.goal.met ? "✓ met" : "✗ MISSED"}` : "",
    ]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table) out("  " + row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd());
}

/** Rows as a Markdown table (for docs/performance.md). */
export function markdownRows(title: string, rows: readonly (Row | Unavailable)[]): string[] {
  const lines: string[] = [];
  for (const r of rows) {
    if (isUnavailable(r)) {
      lines.push(`| ${title} | ${r.label} | ${r.unavailable} | | | ${r.goal ?? ""} |`);
      continue;
    }
    const ref = r.reference ? referenceText(r.reference) : "";
    const ratio = r.ratio ? `${r.ratioLabel ? r.ratioLabel + " " : ""}${fmtSummary(r.ratio, fmtRatio)}` : "";
    const goal = r.goal ? `${r.goal.text} ${r.goal.met ? "✓" : "✗"}` : "";
    lines.push(`| ${title} | ${r.label} | ${fmtSummary(r.value)} ${r.unit} | ${ref} | ${ratio} | ${goal} |`);
  }
  return lines;
}

/**
 * The repetitions of a missed row, in the order they ran (value, the
 * reference measured beside it, their ratio), so a low end made by one
 * repetition shows which side moved.
 */
export function repetitionLines(r: Row): string[] {
  const v = r.value.samples;
  if (!v || v.length < 2) return [];
  const aligned = (a: readonly number[] | undefined): readonly number[] | undefined => (a?.length === v.length ? a : undefined);
  const ref = aligned(r.reference?.value.samples);
  const q = aligned(r.ratio?.samples);
  const f = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toPrecision(3));
  const head = `value${ref ? " @ reference" : ""}${q ? ` → ${r.ratioLabel ?? "ratio"}` : ""}`;
  const reps = v.map((x, i) => `${f(x)}${ref ? ` @ ${f(ref[i]!)}` : ""}${q ? ` → ${q[i]!.toFixed(2)}×` : ""}`);
  return [`  ${r.label}, repetitions in order (${head}): ${reps.join(", ")}`];
}
