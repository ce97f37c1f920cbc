/** Output helpers: colour only on a terminal (and never with NO_COLOR). */
export interface Term {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  readonly tty: boolean;
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  dim(s: string): string;
}

export function makeTerm(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Term {
  const tty = stdout.isTTY === true;
  const color = tty && process.env.NO_COLOR === undefined;
  const wrap = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return {
    out: (s) => void stdout.write(s),
    err: (s) => void stderr.write(s),
    color,
    tty,
    bold: wrap("1"),
    red: wrap("31"),
    green: wrap("32"),
    dim: wrap("2"),
  };
}
