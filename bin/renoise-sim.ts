#!/usr/bin/env node
import { runProcessCli } from "../src/cli/process-cli.js";

// The renoise-sim binary (built to dist/cli.js). It lives outside src/ because it reads
// the wall clock: real time for the fuzz progress line's rate and time left only; the
// simulation never sees it.
runProcessCli(() => performance.now());
