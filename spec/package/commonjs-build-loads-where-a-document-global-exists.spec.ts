import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, spawnNode, tmp } from "../support/cli.js";

// Test runners' DOM environments (jsdom, happy-dom) define a global `document`; a CommonJS
// test file there that requires renoise-sim for its network simulation must still load it.
it("the CommonJS build loads and runs a clock with a global document defined", async () => {
  const dir = tmp();
  const main = join(dir, "main.cjs");
  writeFileSync(
    main,
    `globalThis.document = { baseURI: "http://localhost/", currentScript: null };
const { createSimulation } = require(${JSON.stringify(join(ROOT, "dist/index.cjs"))});
const sim = createSimulation({ seed: 1 });
let fired = 0;
sim.clock.setTimeout(() => fired++, 5);
sim.clock.tick(10);
console.log("fired " + fired);
`,
  );
  const r = await spawnNode(main, [], dir);
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("fired 1\n");
});
