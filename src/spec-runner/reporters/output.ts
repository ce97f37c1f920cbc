/** Where a reporter writes, and whether it is a terminal that shows colour. */
export interface ReportOutput {
  write(s: string): void;
  readonly tty: boolean;
  readonly color: boolean;
}

/** ANSI colour helpers that do nothing without colour. */
export function paint(out: ReportOutput) {
  const wrap = (code: string) => (s: string) => (out.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap("31"), green: wrap("32"), yellow: wrap("33"), dim: wrap("2"), bold: wrap("1") };
}

/** Indents every line of `s` by `n` spaces. */
export function indent(s: string, n: number): string {
  const pad = " ".repeat(n);
  return s
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}
