import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { findToolRoot } from "../../src/spec-runner/world.js";
import { ROOT, runLuaSpecs } from "../support/specs.js";

// A spec runs as a tool of the nearest folder above it with manifest.xml or
// main.lua, not above a folder with .git or package.json; --tool sets it.
it("finds the tool folder a spec belongs to", () => {
  expect(findToolRoot(join(ROOT, "fixtures/tools/line-server/spec/line_server_spec.lua"))).toBe(join(ROOT, "fixtures/tools/line-server"));
  expect(findToolRoot(join(ROOT, "spec/docs/ping_spec.lua"))).toBe(join(ROOT, "spec/docs"));
});

it("requires the tool's modules from its folder, or from the folder given with --tool", async () => {
  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-tool-"));
  mkdirSync(join(dir, "tool/spec"), { recursive: true });
  mkdirSync(join(dir, "tests"), { recursive: true });
  writeFileSync(join(dir, "tool/main.lua"), "");
  writeFileSync(join(dir, "tool/helper.lua"), "return { answer = 42 }\n");
  const spec = 'it("requires the helper", function() assert.are.equal(42, require("helper").answer) end)\n';
  writeFileSync(join(dir, "tool/spec/helper_spec.lua"), spec);
  writeFileSync(join(dir, "tests/helper_spec.lua"), spec);
  writeFileSync(join(dir, "helper.lua"), "return { answer = 42 }\n");
  const found = await runLuaSpecs([join(dir, "tool/spec")]);
  expect(found.results.map((r) => r.status)).toEqual(["success"]);
  const given = await runLuaSpecs([join(dir, "tests")], { toolDir: dir });
  expect(given.results.map((r) => r.status)).toEqual(["success"]);
  const without = await runLuaSpecs([join(dir, "tests")]);
  expect(without.results[0]!.status).toBe("error");
  expect(without.results[0]!.message).toContain("module 'helper' not found");
}, 60_000);
