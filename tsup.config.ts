import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The main entry, for import and require.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    // import.meta.url in the CommonJS build too (src/core/node-require.ts makes its require from it).
    shims: true,
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
  {
    // renoise-sim/vitest (matchers, serializer, fuzzTest, propTest): ESM only, as vitest is;
    // a CommonJS build could never load it. The main entry never imports vitest.
    entry: { vitest: "src/vitest.ts" },
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
