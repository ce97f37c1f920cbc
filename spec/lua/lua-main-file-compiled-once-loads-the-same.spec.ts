import { describe, expect, it } from "vitest";
import { createLuaVm, LuaError, LuaSyntaxError } from "../../src/lua/index.js";

// A tool's main file, and the files it requires, dofiles or loadfiles, are
// compiled once per process, outside the VMs, and every VM loads the binary
// chunk (src/lua/chunk-compiler.ts). It must load as the source would: the
// same names and lines in errors and debug info, the same answer to a mode
// that refuses text, and the same VM memory whether the chunk was compiled
// for this VM or before it.
const MAIN = `
local function fail(why)
  error("boom: " .. why)
end
function later(x)
  local doubled = x * 2
  return debug.getinfo(1, "S").source, debug.getinfo(1, "l").currentline, debug.getlocal(1, 2), doubled
end
function fails_later() fail("later") end
made = tostring({})
`;

async function loaded(main: string, chunkSuffix = "") {
  const vm = await createLuaVm({ seed: 9, tool: { files: { "main.lua": main + chunkSuffix } } });
  return vm;
}

describe("a tool's main file, compiled once per process", () => {
  it("keeps its source name, lines and local names", async () => {
    const vm = await loaded(MAIN);
    vm.loadTool();
    expect(vm.call("later", 21)).toEqual(["@main.lua", 7, "doubled", 42]);
    expect(() => vm.call("fails_later")).toThrow(LuaError);
    expect(() => vm.call("fails_later")).toThrow("main.lua:3: boom: later");
    vm.close();
  });

  it("gives every VM the same memory, whether the chunk was compiled for it or before", async () => {
    // A source no other spec uses: the first VM compiles it, the second finds it compiled.
    const fresh = `${MAIN}\n-- ${Math.PI}\n`;
    const first = await loaded(fresh);
    first.loadTool();
    const second = await loaded(fresh);
    second.loadTool();
    expect(second.run("return made, tostring({})")).toEqual(first.run("return made, tostring({})"));
    first.close();
    second.close();
  });

  it("loads required, dofile'd and loadfile'd files the same way, and a mode refusing text still refuses them", async () => {
    const MOD = 'local M = {}\nfunction M.where()\n  return debug.getinfo(1, "S").source\nend\nfunction M.fail()\n  error("in module")\nend\nreturn M\n';
    const vm = await createLuaVm({ seed: 9, tool: { files: { "main.lua": "mod = require 'mod'", "mod.lua": MOD } } });
    vm.loadTool();
    expect(vm.run("return mod.where(), select(2, pcall(mod.fail))")).toEqual(["@mod.lua", "mod.lua:6: in module"]);
    expect(vm.run("return dofile('mod.lua').where(), loadfile('mod.lua', 't') ~= nil")).toEqual(["@mod.lua", true]);
    expect(vm.run("return loadfile('mod.lua', 'b')")).toEqual([undefined, "attempt to load a text chunk (mode is 'b')"]);
    vm.close();
  });

  it("still reports a syntax error in Lua's words, and an error raised while loading", async () => {
    const broken = await loaded("local x = = 1\n");
    expect(() => broken.loadTool()).toThrow(LuaSyntaxError);
    expect(() => broken.loadTool()).toThrow(/main\.lua:1: unexpected symbol near '='/);
    broken.close();
    const raising = await loaded('local a = 1\nerror("at load")\n');
    expect(() => raising.loadTool()).toThrow("main.lua:2: at load");
    raising.close();
  });
});
