import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The main entry, for import and require.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    // src/core/node-require.ts reads import.meta.url only where __filename is missing (ES modules):
    // esbuild's warning that the CommonJS build has no import.meta is about a branch that never runs there.
    esbuildOptions(options, context) {
      if (context.format === "cjs") options.logOverride = { ...options.logOverride, "empty-import-meta": "silent" };
    },
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
  {
    // renoise-sim/vitest (matchers, serializer, fuzzTest, propTest): ESM only, as vitest is;
    // a CommonJS build could never load it. The main entry never imports vitest.
    // renoise-sim/vitest/base: the same helpers without propTest and @fast-check/vitest's test (see src/vitest-base.ts).
    entry: { vitest: "src/vitest.ts", "vitest-base": "src/vitest-base.ts" },
    external: ["vitest", "@fast-check/vitest"],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
  {
    // The command line (bin "renoise-sim"): ESM only, with a shebang from bin/renoise-sim.ts
    // (the entry that passes real time for the progress line; src/ never reads the clock).
    entry: { cli: "bin/renoise-sim.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: false,
    target: "node20",
  },
]);
