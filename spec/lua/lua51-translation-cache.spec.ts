import { describe, expect, it } from "vitest";
import { clearFrontEndCache, createLuaVm, frontEndStats } from "../../src/lua/index.js";

// The front end's translation is cached by content: a fresh VM loading the
// same tool (one per fuzz scenario) does not translate it again.
describe("Lua 5.1 front end: translation cache", () => {
  it("translates a tool once and serves later loads of the same source from the cache", async () => {
    clearFrontEndCache();
    const source = "local t = {}\n" + 'for i = 1, 50 do t[i] = "[\\-]" .. i / 2 end\n'.repeat(40) + "return t[3]";
    const before = { ...frontEndStats };
    for (let i = 0; i < 3; i++) {
      const vm = await createLuaVm({ tool: { files: { "main.lua": source } } });
      expect(vm.loadTool()).toEqual(["[-]1.5"]);
      vm.close();
    }
    expect(frontEndStats.misses - before.misses).toBe(1);
    expect(frontEndStats.hits - before.hits).toBe(2);
  });

  it("caches a tool's small files too (each VM requires them again), not small strings made at run time", async () => {
    clearFrontEndCache();
    const files = { "main.lua": 'local m = require "small"\nreturn m.twice(4), loadstring("return 1 .. 2")()', "small.lua": "return { twice = function(x) return x * 2 end }" };
    const before = { ...frontEndStats };
    for (let i = 0; i < 3; i++) {
      const vm = await createLuaVm({ tool: { files } });
      expect(vm.loadTool()).toEqual([8, "12"]);
      vm.close();
    }
    // main.lua and small.lua once each; the loadstring chunk every time.
    expect(frontEndStats.misses - before.misses).toBe(2 + 3);
    expect(frontEndStats.hits - before.hits).toBe(2 * 2);
  });
});
