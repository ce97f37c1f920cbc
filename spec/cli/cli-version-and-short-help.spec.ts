import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, ROOT } from "../support/cli.js";

// --version prints the package's version; -h is --help on every command; --flag=value works end to end.
it("prints the version and answers -h", () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  for (const v of ["--version", "-v"]) {
    const r = cli([v]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`renoise-sim ${version}\n`);
  }
  const h = cli(["fuzz", "-h"]);
  expect(h.code).toBe(0);
  expect(h.stdout).toContain("renoise-sim fuzz <tool> --port <p>");
  const r = cli(["run", "fixtures/demo/line-tool", "--scenario=fixtures/demo/scenario.json", "--quiet"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/✓ finished at 76 ms of virtual time/);
});
