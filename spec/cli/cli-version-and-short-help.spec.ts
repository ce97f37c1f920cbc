import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, cliSpawn, ROOT } from "../support/cli.js";

// --version prints the package's version; -h is --help on every command; --flag=value works end to end.
it("prints the version and answers -h", async () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  for (const v of ["--version", "-v"]) {
    const r = await cli([v]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`renoise-sim ${version}\n`);
  }
  const h = await cli(["fuzz", "-h"]);
  expect(h.code).toBe(0);
  expect(h.stdout).toContain("renoise-sim fuzz <tool> --port <p>");
  const r = await cli(["run", "fixtures/demo/line-tool", "--scenario=fixtures/demo/scenario.json", "--quiet"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/✓ finished at 76 ms of virtual time/);
});

// The built binary (node dist/cli.js), started as a user starts it: it finds its package's
// version, loads a Lua tool (the wasm Lua module included) and takes --flag=value.
it("the built binary prints the version and runs a tool", () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const v = cliSpawn(["--version"]);
  expect(v.code).toBe(0);
  expect(v.stdout).toBe(`renoise-sim ${version}\n`);
  const r = cliSpawn(["run", "fixtures/demo/line-tool", "--scenario=fixtures/demo/scenario.json", "--quiet"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/✓ finished at 76 ms of virtual time/);
});
