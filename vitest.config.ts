import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["spec/**/*.spec.ts"],
    // The CLI specs run the built package (dist/cli.js); build it when it is missing or stale.
    globalSetup: ["./spec/support/build-once.ts"],
    // Property suites print their seed; keep output readable.
    reporters: ["default", "./spec/support/summary-reporter.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
