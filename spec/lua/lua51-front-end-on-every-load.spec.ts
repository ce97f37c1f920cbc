import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaError } from "../../src/lua/index.js";

// Every chunk the VM loads is read as Lua 5.1: tool files, require, dofile,
// loadfile, loadstring and load (string or reader function).
describe("Lua 5.1 front end: on every load", () => {
  const files = {
    "main.lua": "return 'main'",
    "lib/pat.lua": 'return { dash = "[\\-]", half = 10/2 .. "" }',
    "data.lua": 'return "\\." .. 10/2',
    "bad.lua": "-- one\nreturn 7 // 2\n",
  };

  it("require, dofile and loadfile read 5.1 escapes and number text", async () => {
    const vm = await createLuaVm({ tool: { files } });
    expect(vm.run("local p = require 'lib.pat' return p.dash, p.half")).toEqual(["[-]", "5"]);
    expect(vm.run("return dofile('data.lua'), loadfile('data.lua')()")).toEqual([".5", ".5"]);
    vm.close();
  });

  it("loadstring and load (string or reader function) too, with setfenv on the result", async () => {
    const vm = await createLuaVm();
    expect(vm.run(String.raw`return loadstring("return '\\-' .. 10/2")()`)).toEqual(["-5"]);
    expect(vm.run(String.raw`local parts = { "return '\\.'", " .. 3/1" } local i = 0
      return load(function() i = i + 1 return parts[i] end)()`)).toEqual([".3"]);
    expect(vm.run("local f = loadstring('return x .. y') setfenv(f, { x = 'a', y = 4/2 }) return f()")).toEqual(["a2"]);
    vm.close();
  });

  it("refuses 5.2+ syntax in each of them with the file and line", async () => {
    const vm = await createLuaVm({ tool: { files } });
    expect(vm.run("return loadfile('bad.lua')")).toEqual([undefined, "bad.lua:2: unexpected symbol near '/'"]);
    expect(vm.run("return loadstring('return 1 & 2')")).toEqual([undefined, `[string "return 1 & 2"]:1: unexpected symbol near '&'`]);
    expect(vm.run("return load('return 1 << 2', '=chunk')")).toEqual([undefined, "chunk:1: unexpected symbol near '<'"]);
    expect(() => vm.run("dofile('bad.lua')")).toThrow(/bad\.lua:2: unexpected symbol near '\/'/);
    vm.close();
  });

  it("keeps lines where they were: errors and tracebacks name the tool's own file and line", async () => {
    const vm = await createLuaVm({
      tool: {
        files: {
          "main.lua": [
            "local function describe(...)", // 1
            '  local label = "n=" .. arg.n ..', // 2
            '    "/" .. 10/2', // 3
            "  return label .. nil_value", // 4
            "end", // 5
            "describe(1, 2)", // 6
          ].join("\n"),
        },
      },
    });
    let err: LuaError | undefined;
    try {
      vm.loadTool();
    } catch (e) {
      err = e as LuaError;
    }
    expect(err?.luaMessage).toBe("main.lua:4: attempt to concatenate a nil value (global 'nil_value')");
    expect(err?.luaTraceback).toMatch(/main\.lua:4: in .*\n\s+main\.lua:6: in main chunk/);
    vm.close();
  });
});
