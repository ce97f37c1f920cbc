import { setImmediate as turn } from "node:timers/promises";
import { runCli } from "./run-cli.js";
import { currentCampaign, interruptReport } from "./progress.js";
import { makeTerm } from "./term.js";

/**
 * Runs the command line on this process: its arguments, streams and environment;
 * Ctrl-C prints how far a campaign got and exits 130. `clock` is real time in
 * milliseconds for the progress line's rate and time left: src/ never reads the wall
 * clock, so only the binary's entry (bin/renoise-sim.ts) passes one. Exit codes:
 * 0 success, 1 failure found, 2 usage or input error, 130 Ctrl-C.
 */
export function runProcessCli(clock?: () => number): void {
  const term = makeTerm({
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    ...(clock ? { clock } : {}),
    tick: () => turn().then(() => undefined),
  });

  process.once("SIGINT", () => {
    term.err(interruptReport(currentCampaign()));
    process.exit(130);
  });

  runCli(process.argv.slice(2), term).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`renoise-sim: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
