import { runCli } from "../../src/cli/run-cli.js";
import type { Term } from "../../src/cli/term.js";

/** Runs the CLI in this process (no build needed), capturing its output; not a terminal, no colour. */
export async function cliInProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const id = (s: string): string => s;
  const term: Term = {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    color: false,
    tty: false,
    bold: id,
    red: id,
    green: id,
    dim: id,
    status: () => undefined,
    clearStatus: () => undefined,
    clock: () => 0,
    tick: () => Promise.resolve(),
  };
  const code = await runCli(argv, term);
  return { code, stdout, stderr };
}
