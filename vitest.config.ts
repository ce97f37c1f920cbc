import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["spec/**/*.spec.ts"],
    // Property suites print their seed; keep output readable.
    reporters: ["default"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
