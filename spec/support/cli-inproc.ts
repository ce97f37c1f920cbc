import { cli, type CliResult } from "./cli.js";

/** Runs the CLI in this process from the repository root (no build needed), capturing its output; not a terminal, no colour. */
export function cliInProcess(argv: string[]): Promise<CliResult> {
  return cli(argv);
}
