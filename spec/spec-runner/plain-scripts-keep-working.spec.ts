import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runLuaSpecs } from "../support/specs.js";

// A file that registers no tests is a Renoise-style script: top-level code,
// assert and print; it passes when it runs to the end.
it("runs a Renoise-style script as one test, with its printed lines", async () => {
  const s = await runLuaSpecs(["fixtures/lua-scripts/socket-selftest.lua"]);
  expect(s.results).toHaveLength(1);
  expect(s.results[0]).toMatchObject({ status: "success", fullName: "fixtures/lua-scripts/socket-selftest.lua", virtualMs: 1520 });
  expect(s.results[0]!.output).toContain("socket self-test passed");
  expect(s.exitCode).toBe(0);
}, 60_000);

it("fails a script whose top-level assert fails, with Lua's own message", async () => {
  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-script-"));
  writeFileSync(join(dir, "bad.lua"), 'print("before")\nlocal c, err = renoise.Socket.create_client("localhost", 4444)\nassert(c, "connect failed: " .. tostring(err))\n');
  const s = await runLuaSpecs([join(dir, "bad.lua")]);
  expect(s.results[0]).toMatchObject({ status: "failure", message: "bad.lua:3: connect failed: Connection refused", output: ["before"] });
  expect(s.exitCode).toBe(1);
}, 60_000);

it("does not load a file with a syntax error (exit code 2)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-script-"));
  writeFileSync(join(dir, "broken_spec.lua"), "describe('x', function()\n");
  const s = await runLuaSpecs([dir]);
  expect(s.results).toEqual([]);
  expect(s.loadErrors[0]!.message).toMatch(/broken_spec\.lua.*expected/);
  expect(s.exitCode).toBe(2);
}, 60_000);
