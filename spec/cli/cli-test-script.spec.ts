import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, tmp } from "../support/cli.js";

// renoise-sim test <script.lua>: runs a Renoise-style test script; exit 0 only if it completes.
it("passes the socket self-test script and fails a script whose assert fails", async () => {
  const ok = await cli(["test", "fixtures/lua-scripts/socket-selftest.lua"]);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain("| socket self-test passed");
  expect(ok.stdout).toContain("1 test: 1 passed, 0 failed, 0 errors, 0 pending (seed 1)");
  const dir = tmp();
  const bad = join(dir, "bad.lua");
  writeFileSync(bad, 'local c, err = renoise.Socket.create_client("localhost", 4444)\nassert(c, "connect failed: " .. tostring(err))\n');
  const r = await cli(["test", bad]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("bad.lua:2: connect failed: Connection refused");
});
