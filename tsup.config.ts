import { defineConfig } from "tsup";

export default defineConfig({
  // "vitest" is the renoise-sim/vitest entry (matchers, serializer, fuzzTest); it imports vitest, the main entry never does.
  entry: { index: "src/index.ts", vitest: "src/vitest.ts" },
  external: ["vitest"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
