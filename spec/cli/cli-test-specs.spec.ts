import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, ROOT, tmp } from "../support/cli.js";
import { validateJunit } from "../support/junit-schema.js";

// renoise-sim test <folder>: every *_spec.lua under it; exit codes 0, 1 and 2.
it("runs a folder of specs green with exit code 0", async () => {
  const r = await cli(["test", "fixtures/tools/line-server/spec"], ROOT);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("fixtures/tools/line-server/spec/line_server_spec.lua\n  ✓ Line Server greets a new connection with READY\n");
  expect(r.stdout).toContain("5 tests: 5 passed, 0 failed, 0 errors, 0 pending (seed 1)");
});

it("shows a failing spec's report and exits with 1", async () => {
  const dir = tmp();
  const r = await cli(["test", join(ROOT, "fixtures/specs/failing"), "--seed", "3", "--diagrams", "d"], dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("1) a failing spec compares the wrong reply (failure)");
  expect(r.stdout).toContain("failing_spec.lua:9: Expected objects to be equal.");
  expect(r.stdout).toMatch(/Trace \(end, at \d+ ms of virtual time\):\n[\s\S]*client\.receive/);
  expect(r.stdout).toContain("Diagram written to d/");
  expect(r.stdout).toContain("--seed 3 --filter '^a failing spec compares the wrong reply$'");
  expect(r.stdout).toContain("4 tests: 1 passed, 1 failed, 1 errors, 1 pending (seed 3)");
});

it("exits with 2 for usage errors and files that cannot be loaded", async () => {
  const dir = tmp();
  writeFileSync(join(dir, "broken_spec.lua"), "it(\n");
  const load = await cli(["test", "."], dir);
  expect(load.code).toBe(2);
  expect(load.stdout).toContain("✗ cannot load broken_spec.lua:");
  expect((await cli(["test", "--shard", "3/2", "fixtures/specs/failing"], ROOT)).code).toBe(2);
  expect((await cli(["test", "--reporter", "xml", "fixtures/specs/failing"], ROOT)).code).toBe(2);
  const none = await cli(["test"], dir);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain("no ./spec folder");
});

it("writes TAP and JUnit reports", async () => {
  const tap = await cli(["test", "fixtures/specs/failing", "--reporter", "tap"], ROOT);
  expect(tap.code).toBe(1);
  expect(tap.stdout.split("\n").filter((l) => /^(not )?ok /.test(l))).toEqual([
    "not ok 1 - fixtures/specs/failing/failing_spec.lua :: a failing spec compares the wrong reply",
    "ok 2 - fixtures/specs/failing/failing_spec.lua :: a failing spec passes",
    "not ok 3 - fixtures/specs/failing/failing_spec.lua :: a failing spec raises an error",
    "ok 4 - fixtures/specs/failing/failing_spec.lua :: a failing spec is not written yet # SKIP pending",
  ]);
  expect(tap.stdout).toMatch(/^TAP version 13\n/);
  expect(tap.stdout).toContain("\n1..4\n");
  const dir = tmp();
  const out = join(dir, "junit.xml");
  const junit = await cli(["test", "fixtures/specs/failing", "--reporter", "junit", "--output", out], ROOT);
  expect(junit.code).toBe(1);
  expect(junit.stdout).toContain("4 tests: 1 passed"); // the terminal report still prints
  expect(validateJunit(readFileSync(out, "utf8"))).toEqual([]);
});
