import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, spawnNode, tmp } from "../support/cli.js";

// require("renoise-sim") works wherever the project lives: a folder named "C# tools" or "50%"
// is a real path, and the CommonJS build must find its dependencies from there (a clock needs
// @sinonjs/fake-timers).
it("the CommonJS build works when its path holds # or %", async () => {
  const results = await Promise.all(
    ["c#-tools", "at-50%25"].map(async (name) => {
      const dir = join(tmp(), name);
      mkdirSync(join(dir, "dist"), { recursive: true });
      copyFileSync(join(ROOT, "dist/index.cjs"), join(dir, "dist/index.cjs"));
      // The dependencies as an install would place them beside the package.
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      const main = join(dir, "main.cjs");
      writeFileSync(
        main,
        `const { createSimulation } = require("./dist/index.cjs");
const sim = createSimulation({ seed: 1 });
let fired = 0;
sim.clock.setTimeout(() => fired++, 5);
sim.clock.tick(10);
console.log("fired " + fired);
`,
      );
      return spawnNode(main, [], dir);
    }),
  );
  for (const r of results) {
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("fired 1\n");
  }
});
