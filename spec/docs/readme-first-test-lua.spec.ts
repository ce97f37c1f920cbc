import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { ROOT, runLuaSpecs } from "../support/specs.js";

// The README's first test in Lua (spec/docs/ping_spec.lua, shown verbatim in README.md) passes.
it("runs the README's first test written in Lua", async () => {
  const source = readFileSync(`${ROOT}/spec/docs/ping_spec.lua`, "utf8");
  expect(readFileSync(`${ROOT}/README.md`, "utf8")).toContain("```lua\n" + source + "```\n");
  const s = await runLuaSpecs(["spec/docs/ping_spec.lua"]);
  expect(s.results.map((r) => `${r.status} ${r.fullName}`)).toEqual(["success my tool answers PING with PONG"]);
  expect(s.results[0]!.virtualMs).toBe(40);
}, 60_000);
