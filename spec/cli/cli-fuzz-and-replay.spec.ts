import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, tmp } from "../support/cli.js";

// renoise-sim fuzz finds the bug of the buggy fixture tool, prints the minimal scenario
// and a replay command; replaying that command reproduces the same trace byte for byte.
it("finds the split-request bug, and replay reproduces the same trace", async () => {
  const dir = tmp();
  const a = join(dir, "a.jsonl");
  const r = await cli(["fuzz", "fixtures/buggy/http-one-request-per-message", "--port", "8080", "--grammar", "http", "--runs", "40", "--trace", a, "--diagram", join(dir, "f.md")]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("attempt to index a nil value (local 'path')");
  expect(r.stdout).toMatch(/Minimal scenario \(shrunk from size \d+ to \d+\)/);
  expect(r.stdout).toContain("cut at byte");
  const token = /renoise-sim replay (rs1\.\S+)/.exec(r.stdout)?.[1];
  expect(token).toMatch(/^rs1\.[A-Za-z0-9_-]+$/);
  const b = join(dir, "b.jsonl");
  const again = await cli(["replay", token!, "--trace", b, "--diagram", join(dir, "g.md")]);
  expect(again.code).toBe(1);
  expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
  expect(readFileSync(join(dir, "f.md"), "utf8")).toContain("sequenceDiagram");
});

it("passes on the fixed tool, and shards are deterministic", async () => {
  const ok = await cli(["fuzz", "fixtures/tools/http-server", "--port", "8080", "--grammar", "http", "--runs", "20"]);
  expect(ok.code).toBe(0);
  expect(ok.stderr).toContain("✓ 20 scenarios passed (seed 1)");
  const s1 = await cli(["fuzz", "fixtures/tools/http-server", "--port", "8080", "--runs", "20", "--shard", "2/4"]);
  expect(s1.code).toBe(0);
  expect(s1.stderr).toMatch(/✓ 5 scenarios passed \(seed -?\d+\)/);
  // Progress lines carry real-time rates; everything else is the same.
  const steady = (s: string) => s.replace(/^fuzz: \d+\/\d+ scenarios.*\n/gm, "");
  expect(steady((await cli(["fuzz", "fixtures/tools/http-server", "--port", "8080", "--runs", "20", "--shard", "2/4"])).stderr)).toBe(steady(s1.stderr));
  expect(steady(s1.stderr)).not.toMatch(/^fuzz: \d+\/\d+ scenarios/m);
});

it("exits 2 when the tool does not serve the port", async () => {
  const r = await cli(["fuzz", "fixtures/tools/http-server", "--port", "9999"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("does not serve tcp port 9999");
});
