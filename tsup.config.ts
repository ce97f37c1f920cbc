import { defineConfig } from "tsup";

export default defineConfig([
  {
    // "vitest" is the renoise-sim/vitest entry (matchers, serializer, fuzzTest); it imports vitest, the main entry never does.
    entry: { index: "src/index.ts", vitest: "src/vitest.ts" },
    external: ["vitest"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
  {
    // The command line (bin "renoise-sim"): ESM only, with a shebang from src/cli/main.ts.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: false,
    target: "node20",
  },
]);
