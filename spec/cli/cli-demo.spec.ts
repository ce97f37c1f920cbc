import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, tmp } from "../support/cli.js";

// renoise-sim with no arguments runs the demo: the bundled Lua tool, a short scenario
// with latency and a split TCP segment; it prints the trace and writes a Mermaid diagram.
it("runs the demo with no arguments and writes its diagram", () => {
  const dir = tmp();
  const r = cli([], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("renoise-sim demo");
  expect(r.stdout).toMatch(/tcp\.split\s+conn=2 .*pieces=4\+4/);
  expect(r.stdout).toContain('lua.print              text="hello 10.0.0.21');
  expect(r.stderr).toMatch(/✓ finished at \d+ ms of virtual time/);
  const diagram = join(dir, "renoise-sim-demo.md");
  expect(existsSync(diagram)).toBe(true);
  expect(readFileSync(diagram, "utf8")).toContain("sequenceDiagram");
  // The same run again gives the same trace.
  expect(cli(["demo"], tmp()).stdout).toBe(r.stdout);
});
