import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Numbers become text as Lua 5.1 writes them (%.14g) wherever Lua turns a
// number into a string: 10/2 is "5", 2^53 is "9.007199254741e+15".
describe("Lua 5.1 numbers as text", () => {
  it("tostring, print, .., string.format('%s'), table.concat and io.write agree", async () => {
    const out: string[] = [];
    const vm = await createLuaVm({ print: (l) => out.push(l), stdout: (b) => out.push(b) });
    expect(vm.run("return tostring(10/2), tostring(2^53), 'v=' .. 10/2, 2^53 .. '', string.format('%s|%s', 10/2, 2^53)")).toEqual([
      "5",
      "9.007199254741e+15",
      "v=5",
      "9.007199254741e+15",
      "5|9.007199254741e+15",
    ]);
    expect(vm.run("return table.concat({10/2, 2^53, 'x', 3}, ',')")).toEqual(["5,9.007199254741e+15,x,3"]);
    vm.run("print(10/2, 2^53) io.write(10/2, ' ', 2^53, '\\n')");
    expect(out).toEqual(["5\t9.007199254741e+15", "5 9.007199254741e+15\n"]);
    vm.close();
  });

  it("formats integers beyond 14 digits, -0 and fractions like 5.1", async () => {
    const vm = await createLuaVm();
    expect(vm.run("return 123456789012345 .. '', -0.0 .. '', 0.1 .. '', 1/3 .. '', -(4/2) .. ''")).toEqual([
      "1.2345678901234e+14",
      "-0",
      "0.1",
      "0.33333333333333",
      "-2",
    ]);
    vm.close();
  });

  it("leaves strings, metamethods and concatenation errors as they were", async () => {
    const vm = await createLuaVm();
    expect(vm.run("local t = setmetatable({}, {__concat = function() return 'mm' end}) return 'a' .. 'b', t .. 1, 2 .. t")).toEqual([
      "ab",
      "mm",
      "mm",
    ]);
    expect(() => vm.run("local x\nreturn 'a' .. x", "@main.lua")).toThrow(/main\.lua:2: attempt to concatenate a nil value/);
    vm.close();
  });
});
