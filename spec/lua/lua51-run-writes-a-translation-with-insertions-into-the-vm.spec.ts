import { describe, expect, it } from "vitest";
import { clearFrontEndCache, createLuaVm } from "../../src/lua/index.js";
import { translate51 } from "../../src/lua/frontend/index.js";

// `LuaVm.run` of a 5.1 chunk whose translation inserts text (a vararg
// function naming `arg`) writes the translation's pieces into the module's
// memory without making its string. What runs, and the lines errors name,
// are those of the translated text.

const CHUNK = [
  "local M = {}",
  "function M.count(...)",
  "  return arg.n",
  "end",
  "function M.first(...) local a = arg; return a[1] end",
  "function M.fails(...)",
  "  error('at line 7 with ' .. arg.n)",
  "end",
  "return M.count(1, nil, 3), M.first('x', 'y'), select(2, pcall(M.fails, 1, 2))",
].join("\n");

describe("Lua 5.1 VM: run writes a translation with insertions into the VM", () => {
  it("runs the translated chunk, its lines where the tool wrote them", async () => {
    clearFrontEndCache();
    const vm = await createLuaVm({ luaVersion: "5.1" });
    try {
      expect(vm.run(CHUNK, "@tool.lua")).toEqual([3, "x", "tool.lua:7: at line 7 with 2"]);
    } finally {
      vm.close();
    }
  });

  it("leaves the cached translation's text unmade, and a later reader of the text gets the same chunk", async () => {
    clearFrontEndCache();
    const vm = await createLuaVm({ luaVersion: "5.1" });
    try {
      vm.run(CHUNK, "@tool.lua");
      // The VM's own translation is the one cached (a chunk over 1 KiB is cached as a string chunk).
      const long = CHUNK + "\n" + "-- padding\n".repeat(120);
      vm.run(long, "@tool.lua");
      const t = translate51(long, false, false);
      expect(t.ok).toBe(true);
      if (!t.ok) return;
      expect(t.edited?.textMade).toBe(false);
      // Lua's own load of the same text reads the string, made now: same results.
      vm.setGlobal("SRC", long);
      expect(vm.run("local f = assert(loadstring(SRC, '@tool.lua')); return f()", "=t")).toEqual([3, "x", "tool.lua:7: at line 7 with 2"]);
      expect(t.edited?.textMade).toBe(true);
      // A run after the text was made copies that string: same results again.
      expect(vm.run(long, "@tool.lua")).toEqual([3, "x", "tool.lua:7: at line 7 with 2"]);
    } finally {
      vm.close();
    }
  });

  it("refuses a chunk with a char that is not a byte as any load does", async () => {
    const vm = await createLuaVm({ luaVersion: "5.1" });
    try {
      expect(() => vm.run("function f(...) return arg end return 'é\u0101'", "=x")).toThrow(/load: character U\+0101 at index \d+ is not a byte/);
    } finally {
      vm.close();
    }
  });
});
