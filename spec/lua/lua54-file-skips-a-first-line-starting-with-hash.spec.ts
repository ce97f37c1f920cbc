import { expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// As Lua 5.4's loadfile does, a tool file read as 5.4 may start with a `#`
// line (a shebang): it is skipped and the lines after it keep their numbers.
// A string given to load is read as it is (5.4 refuses the `#` there).
it("skips a first line starting with # in a 5.4 tool file, not in a string", async () => {
  const files = { "main.lua": "#!/usr/bin/env lua\nfunction where() return debug.getinfo(1, 'l').currentline end", "lib.lua": "#!/usr/bin/env lua\nreturn 'lib'" };
  const vm = await createLuaVm({ luaVersion: "5.4", tool: { files } });
  vm.runFile("main.lua");
  expect(vm.call("where")).toEqual([2]);
  expect(vm.run("return (require('lib')), dofile('lib.lua'), loadfile('lib.lua')()")).toEqual(["lib", "lib", "lib"]);
  expect(vm.run("return select(2, load('#!x\\nreturn 1'))")[0]).toMatch(/unexpected symbol near '#'/);
  vm.close();
});
