import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cliInProcess } from "../support/cli-inproc.js";
import { tmp } from "../support/cli.js";

// Hardening (issue 12, item 9): fuzzing a tool that fails to load prints the
// tool's own error with its file and line, as `run` does, and exits 2 — no
// JavaScript stack.
it("a syntax error: the Lua message with file and line, exit 2", async () => {
  const r = await cliInProcess(["fuzz", "fixtures/lua/tool-syntax-error", "--port", "8000", "--runs", "3"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/fuzz: the tool failed to load: .*main\.lua:\d+:/);
  expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  expect(r.stderr).toContain("fix the tool");
});

it("a runtime error while loading: the Lua message with file and line, exit 2", async () => {
  const dir = join(tmp(), "broken");
  mkdirSync(dir);
  writeFileSync(join(dir, "main.lua"), "local server = renoise.Socket.create_server(8000)\nlocal t = nil\nprint(t.field)\n");
  const r = await cliInProcess(["fuzz", dir, "--port", "8000", "--runs", "3"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/fuzz: the tool failed to load: main\.lua:3: attempt to index a nil value/);
  expect(r.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
});

it("a tool folder without main.lua says so", async () => {
  const dir = join(tmp(), "empty-tool");
  mkdirSync(dir);
  writeFileSync(join(dir, "manifest.xml"), "<RenoiseScriptingTool/>\n");
  const r = await cliInProcess(["fuzz", dir, "--port", "8000"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/has no main\.lua; a Renoise tool folder needs one/);
});
