import { runCli } from "../../src/cli/run-cli.js";
import { makeTerm } from "../../src/cli/term.js";

/** Runs the CLI in this process (no build needed), capturing its output; not a terminal, no colour. */
export async function cliInProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const term = makeTerm({
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: "1" },
    clock: () => 0,
  });
  const code = await runCli(argv, term);
  return { code, stdout, stderr };
}
