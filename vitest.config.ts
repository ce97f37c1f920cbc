import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["spec/**/*.spec.ts"],
    // Property suites print their seed; keep output readable.
    reporters: ["default", "./spec/support/summary-reporter.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
