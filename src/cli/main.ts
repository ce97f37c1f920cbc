#!/usr/bin/env node
import { runProcessCli } from "./process-cli.js";

// The renoise-sim command line run from source (npx tsx src/cli/main.ts ...). The same
// commands and output as the binary, except that src/ never reads the wall clock, so a
// fuzz campaign's progress line on a terminal shows counts without rate or time left.
// The binary (dist/cli.js) is built from bin/renoise-sim.ts, which passes real time.
runProcessCli();
