import { describe, expect, it } from "vitest";
import { createLuaVm, LuaSyntaxError } from "../../src/lua/index.js";

// Syntax only Lua 5.2+ accepts is a syntax error at load, with file:line and
// Lua's message shape; luaVersion "5.4" accepts it again.
describe("Lua 5.1 front end: refuses 5.2+ syntax", () => {
  const cases: [string, string][] = [
    ["local x = 7 // 2", "main.lua:2: unexpected symbol near '/'"],
    ["local x = 6 & 3", "main.lua:2: unexpected symbol near '&'"],
    ["local x = 6 | 3", "main.lua:2: unexpected symbol near '|'"],
    ["local x = 6 ~ 3", "main.lua:2: unexpected symbol near '~'"],
    ["local x = ~6", "main.lua:2: unexpected symbol near '~'"],
    ["local x = 1 << 3", "main.lua:2: unexpected symbol near '<'"],
    ["local x = 8 >> 1", "main.lua:2: unexpected symbol near '>'"],
    ["local x <const> = 1", "main.lua:2: unexpected symbol near '<'"],
    ["local f <close> = nil", "main.lua:2: unexpected symbol near '<'"],
    ['local s = "a\\z   b"', "main.lua:2: invalid escape sequence near '\"a\\z'"],
    ['local s = "\\u{48}"', "main.lua:2: invalid escape sequence near '\"\\u'"],
  ];

  for (const [code, message] of cases) {
    it(`refuses ${code}`, async () => {
      const vm = await createLuaVm();
      let err: unknown;
      try {
        vm.run(`-- line 1\n${code}\n`, "@main.lua");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LuaSyntaxError);
      expect((err as LuaSyntaxError).luaMessage).toBe(message);
      vm.close();
    });
  }

  it("accepts what 5.1 accepts next to them: ~=, <=, >=, comparisons, goto and labels", async () => {
    const vm = await createLuaVm();
    const code = "local n = 0 for i = 1, 5 do if i % 2 == 0 then goto skip end n = n + i ::skip:: end return n ~= 1, 1 <= 2, 3 >= 2, n";
    expect(vm.run(code)).toEqual([true, true, true, 9]);
    vm.close();
  });

  it("accepts 5.4 syntax again with luaVersion \"5.4\"", async () => {
    const vm = await createLuaVm({ luaVersion: "5.4" });
    expect(vm.run("local x <const> = 7 // 2 return x, 6 & 3, 1 << 3")).toEqual([3, 2, 8]);
    vm.close();
  });
});
