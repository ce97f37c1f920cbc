import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Lua reads load's mode as a C string: its letters end at the first NUL
// byte, so loadfile(path, "\0t") refuses a text file as mode "" does. The
// same whether the file's bytecode comes from the compile cache or not.
describe("loadfile: the mode ends at a NUL byte", () => {
  for (const compileCache of [true, false]) {
    it(`refuses a text file with mode "\\0t" and loads it with "t\\0" (compileCache ${compileCache})`, async () => {
      const files = { "main.lua": "-- loadfile mode NUL spec", "t.lua": "-- loadfile mode NUL spec, t\nreturn 'loaded'" };
      const vm = await createLuaVm({ tool: { files }, compileCache });
      try {
        vm.loadTool();
        for (let i = 0; i < 2; i++) {
          // twice: the second load finds the file's bytecode kept
          expect(vm.run("local f, e = loadfile('t.lua', '\\0t') return type(f), e")).toEqual(["nil", "attempt to load a text chunk (mode is '')"]);
          expect(vm.run("return loadfile('t.lua', 't\\0')()")).toEqual(["loaded"]);
        }
      } finally {
        vm.close();
      }
    });
  }
});
