import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Specs that need a fresh module graph of their own: they replace Node modules with vi.mock,
// which only works when nothing has imported the real ones yet in that process.
const ISOLATED = ["spec/sim/no-real-network.spec.ts"];

export default defineConfig({
  test: {
    // Property suites print their seed; keep output readable.
    reporters: ["default", "./spec/support/summary-reporter.ts"],
    testTimeout: 60_000,
    // Processes, not threads: the in-process CLI specs (spec/support/cli.ts) change the
    // working folder for a call, which a worker thread cannot.
    pool: "forks",
    // vitest's default for a run is one worker fewer than the cores (one worker on a 2-core
    // machine), leaving a core to its main process; with workers reused across files that
    // process is mostly idle, so use every core.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: "specs",
          include: ["spec/**/*.spec.ts"],
          exclude: ISOLATED,
          // The end-to-end CLI specs run the built package (dist/cli.js); build it when it is missing or stale.
          // (and the run's temporary files go to one folder, removed at its end)
          globalSetup: ["./spec/support/temp-root.ts", "./spec/support/build-once.ts"],
          // One worker process runs many spec files: src/ and wasmoon are imported and the Lua
          // module compiled once per worker, not once per file (three quarters of the suite's
          // time went there). Specs restore what they patch (globals, cwd, spies, timers), and
          // src/ keeps no state across simulations; spec/support/file-hygiene.ts checks it after
          // every file.
          isolate: false,
          setupFiles: ["./spec/support/file-hygiene.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "isolated",
          include: ISOLATED,
          isolate: true,
          globalSetup: ["./spec/support/temp-root.ts"],
        },
      },
    ],
  },
});
