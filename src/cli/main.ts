#!/usr/bin/env node
import { runCli } from "./run-cli.js";
import { makeTerm } from "./term.js";

// The renoise-sim command line. Exit codes: 0 success, 1 failure found, 2 usage or input error.
runCli(process.argv.slice(2), makeTerm()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`renoise-sim: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
