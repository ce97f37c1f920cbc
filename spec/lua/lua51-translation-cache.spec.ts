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
});
