/** Where the command line writes: stdout, stderr, colour, and one erasable status line. */
export interface Term {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  readonly tty: boolean;
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  /**
   * Shows `s` as the status line (on a terminal only): it replaces the last
   * status line, and is erased before anything else is written.
   */
  status(s: string): void;
  /** Erases the status line, if one is shown. */
  clearStatus(): void;
  /**
   * Milliseconds of real time, for the progress line's rate and time left only (the
   * simulation never sees it). Always 0 when the entry gave no clock: then the progress
   * line shows no rate or time left.
   */
  clock(): number;
  /** Lets pending signals (Ctrl-C) be handled between scenarios. */
  tick(): Promise<void>;
}

/** Environment variables that decide colour. */
export interface ColorEnv {
  FORCE_COLOR?: string;
  NO_COLOR?: string;
}

/**
 * Whether to colour: `FORCE_COLOR` set to anything but `0` or `false` forces
 * it on (even into a pipe) and `FORCE_COLOR=0` forces it off; otherwise a
 * non-empty `NO_COLOR` turns it off; otherwise colour exactly when writing to
 * a terminal.
 */
export function colorEnabled(env: ColorEnv, tty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return tty;
}

/** A stream the terminal writes to. */
export interface TermStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** Options of {@link makeTerm}. */
export interface TermOptions {
  stdout: TermStream;
  stderr: TermStream;
  env: ColorEnv;
  /**
   * Real time in milliseconds, for the progress line's rate and time left. src/ never
   * reads the wall clock: only the renoise-sim binary's entry (bin/renoise-sim.ts) passes
   * one. Default: none, and the progress line shows counts only.
   */
  clock?: () => number;
  tick?: () => Promise<void>;
}

const ERASE_LINE = "\r\x1b[K";

export function makeTerm(o: TermOptions): Term {
  const tty = o.stderr.isTTY === true;
  const color = colorEnabled(o.env, o.stdout.isTTY === true);
  const wrap = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  let shown = false;
  const clearStatus = () => {
    if (!shown) return;
    shown = false;
    o.stderr.write(ERASE_LINE);
  };
  return {
    out: (s) => {
      clearStatus();
      o.stdout.write(s);
    },
    err: (s) => {
      clearStatus();
      o.stderr.write(s);
    },
    status: (s) => {
      if (!tty) return;
      o.stderr.write(ERASE_LINE + s);
      shown = true;
    },
    clearStatus,
    color,
    tty,
    bold: wrap("1"),
    red: wrap("31"),
    green: wrap("32"),
    dim: wrap("2"),
    clock: o.clock ?? (() => 0),
    tick: o.tick ?? (() => Promise.resolve()),
  };
}
