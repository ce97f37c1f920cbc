import { expect, it } from "vitest";
import { luaPatternToRegExp } from "../../src/spec-runner/lua-pattern.js";
import { runLuaSpecs } from "../support/specs.js";

const names = (s: { results: readonly { fullName: string }[] }) => s.results.map((r) => r.fullName);

// --filter takes a Lua pattern against the full name (describe names and the it name).
it("runs only the tests whose full name matches the filter", async () => {
  const s = await runLuaSpecs(["fixtures/specs/busted-api"], { filter: "^luassert check" });
  expect(names(s)).toEqual(["luassert checks values and types", "luassert checks errors"]);
  expect(luaPatternToRegExp("%d+%.%d").test("v1.2")).toBe(true);
  expect(luaPatternToRegExp("a.-b$").test("axxb")).toBe(true);
  expect(luaPatternToRegExp("[%a_]+%(").test("f_g(")).toBe(true);
}, 60_000);

// --shard i/n: every n-th test over all files in order; the shards split the run exactly.
it("splits the tests into disjoint shards that cover the run", async () => {
  const all = names(await runLuaSpecs(["fixtures/specs/busted-api", "fixtures/specs/hand-mocked"], { filter: "^[hl]" }));
  const shards = [];
  for (let i = 1; i <= 3; i++) {
    shards.push(names(await runLuaSpecs(["fixtures/specs/busted-api", "fixtures/specs/hand-mocked"], { filter: "^[hl]", shard: { index: i, count: 3 } })));
  }
  expect(all.length).toBeGreaterThan(6);
  expect(shards.map((s) => s.length)).toEqual([Math.ceil(all.length / 3), Math.ceil((all.length - 1) / 3), Math.floor(all.length / 3)]);
  expect(shards.flat().sort()).toEqual([...all].sort());
}, 120_000);
