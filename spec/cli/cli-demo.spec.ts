import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, cliSpawn, tmp } from "../support/cli.js";

// renoise-sim with no arguments runs the demo: the bundled Lua tool, a short scenario
// with latency and a split TCP segment; it prints the trace and writes nothing unless asked.
it("runs the demo with no arguments and writes no file", async () => {
  const dir = tmp();
  // The built binary, as a user first meets it; then the same code in this process.
  const r = cliSpawn([], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("renoise-sim demo");
  expect(r.stdout).toMatch(/tcp\.split\s+conn=2 .*pieces=4\+4/);
  expect(r.stdout).toContain('lua.print              text="hello 10.0.0.21');
  expect(r.stderr).toMatch(/✓ finished at \d+ ms of virtual time/);
  expect(readdirSync(dir)).toEqual([]);
  // The same run again gives the same trace; --diagram writes the diagram where it says.
  const again = await cli(["demo", "--diagram", "out/demo.md"], dir);
  expect(again.stdout).toBe(r.stdout);
  expect(readdirSync(dir)).toEqual(["out"]);
  expect(readFileSync(join(dir, "out/demo.md"), "utf8")).toContain("sequenceDiagram");
});
