#!/usr/bin/env node
import { setImmediate as turn } from "node:timers/promises";
import { runCli } from "./run-cli.js";
import { currentCampaign, interruptReport } from "./progress.js";
import { makeTerm } from "./term.js";

// The renoise-sim command line. Exit codes: 0 success, 1 failure found, 2 usage or input error, 130 Ctrl-C.
const term = makeTerm({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // Real time, for the progress line's rate and time left only: the simulation never sees it.
  clock: () => performance.now(), // eslint-disable-line no-restricted-properties
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
