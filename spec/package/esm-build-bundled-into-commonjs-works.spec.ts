import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { ROOT, spawnNode, tmp } from "../support/cli.js";

// A user's TypeScript that imports renoise-sim, bundled by esbuild (or a tool built on it) into
// one CommonJS file: the import picks the ESM build (dist/index.js), and the bundle must run.
// Its dependencies stay outside the bundle (they load files of their own, e.g. wasmoon's .wasm).
it("dist/index.js bundled by esbuild into a CommonJS file runs a simulation with a clock", async () => {
  const dir = tmp();
  const entry = join(dir, "consumer.ts");
  writeFileSync(
    entry,
    `import { createSimulation } from ${JSON.stringify(join(ROOT, "dist/index.js"))};
const sim = createSimulation({ seed: 1 });
let fired = 0;
sim.clock.setTimeout(() => fired++, 5);
sim.clock.tick(10);
console.log("fired " + fired);
`,
  );
  // The dependencies as an install would place them beside the bundle.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const out = join(dir, "bundle.cjs");
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: out,
    logLevel: "silent",
    external: ["wasmoon", "ajv", "luaparse", "@sinonjs/fake-timers", "fast-check", "@fast-check/vitest"],
  });
  const r = await spawnNode(out, [], dir);
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("fired 1\n");
});
