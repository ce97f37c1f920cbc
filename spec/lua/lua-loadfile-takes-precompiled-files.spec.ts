import { expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// A tool may ship precompiled Lua (bytecode): loadfile, dofile and require
// load it as Lua's loadfile does (text or binary by default), the tool's main
// file too; loadfile with mode "t" still refuses it.
it("loads a precompiled file through loadfile, dofile, require and as the main file, and refuses it to mode 't'", async () => {
  const vm = await createLuaVm({ tool: { files: { "main.lua": "return 1", "src.lua": "return 'from bytecode'" } } });
  vm.run("local h = assert(io.open('pre.lua', 'wb')) h:write(string.dump(assert(loadfile('src.lua')))) h:close()");
  expect(vm.run("return loadfile('pre.lua')(), dofile('pre.lua'), (require('pre'))")).toEqual(["from bytecode", "from bytecode", "from bytecode"]);
  expect(vm.runFile("pre.lua")).toEqual(["from bytecode"]);
  expect(vm.run("return select(2, loadfile('pre.lua', 't'))")[0]).toMatch(/attempt to load a binary chunk \(mode is 't'\)/);
  vm.close();
});
