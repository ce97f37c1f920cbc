import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";
import { luaModuleInfo } from "../../src/lua/wasm.js";

// Numbers become text as Lua 5.1 writes them (%.14g) wherever Lua turns a
// number into a string: 10/2 is "5", 2^53 is "9.007199254741e+15". With the
// pinned module, C Lua writes that text itself (its number-text switch, see
// wasm-patch.ts); a module without the switch gets it from Lua wrappers and
// the front end's wrapping of `..` operands, which the second run checks.
for (const mode of ["the module's switch", "Lua wrappers (a module without the switch)"] as const) {
  describe(`Lua 5.1 numbers as text, by ${mode}`, () => {
    const native = mode === "the module's switch";
    let saved = false;
    beforeAll(async () => {
      (await createLuaVm()).close(); // the module is compiled (and its info set) with the first VM
      saved = luaModuleInfo.numberText51;
      if (native) expect(saved).toBe(true);
      else luaModuleInfo.numberText51 = false; // fresh VMs below then take the other path
    });
    afterAll(() => {
      luaModuleInfo.numberText51 = saved;
    });
    // Unpooled: each VM builds its own template, with the mode set above.
    const vm51 = (o: Parameters<typeof createLuaVm>[0] = {}): Promise<LuaVm> => createLuaVm({ pooled: false, ...o });

    it("tostring, print, .., string.format('%s'), table.concat and io.write agree", async () => {
      const out: string[] = [];
      const vm = await vm51({ print: (l) => out.push(l), stdout: (b) => out.push(b) });
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
      const vm = await vm51();
      expect(vm.run("return 123456789012345 .. '', -0.0 .. '', 0.1 .. '', 1/3 .. '', -(4/2) .. '', 99999999999999 .. '', -100000000000000 .. ''")).toEqual([
        "1.2345678901234e+14",
        "-0",
        "0.1",
        "0.33333333333333",
        "-2",
        "99999999999999",
        "-1e+14",
      ]);
      vm.close();
    });

    it("leaves strings, metamethods and concatenation errors as they were", async () => {
      const vm = await vm51();
      expect(vm.run("local t = setmetatable({}, {__concat = function() return 'mm' end}) return 'a' .. 'b', t .. 1, 2 .. t")).toEqual([
        "ab",
        "mm",
        "mm",
      ]);
      expect(() => vm.run("local x\nreturn 'a' .. x", "@main.lua")).toThrow(/main\.lua:2: attempt to concatenate a nil value/);
      vm.close();
    });

    it("lua51Numbers: false gives 5.4's text", async () => {
      const vm = await vm51({ lua51Numbers: false });
      expect(vm.run("return tostring(10/2), 10/2 .. '', table.concat({1.0}), 123456789012345 .. ''")).toEqual(["5.0", "5.0", "1.0", "123456789012345"]);
      vm.close();
    });

    if (native) {
      it("reaches the conversions made inside C library functions and any call in '..'", async () => {
        const vm = await vm51();
        expect(vm.run("return string.rep(10/2, 2), string.len(10/2), ('x'):rep(2, 1.0), string.byte(2.0)")).toEqual(["55", 1, "x1x", 50]);
        expect(vm.run("local function tostring(x) return x end return 'a' .. tostring(10/2)")).toEqual(["a5"]);
        expect(vm.run("local t = {} t[10/2 .. ''] = 1 return next(t)")).toEqual(["5", 1]);
        vm.close();
      });

      it("leaves %q's hex floats and 5.4's wording of a concatenation error (documented differences)", async () => {
        const vm = await vm51();
        expect(vm.run("return string.format('%q', 10/2)")).toEqual(["0x1.4p+2"]);
        expect(() => vm.run("local x\nreturn 'a' .. x", "@main.lua")).toThrow("main.lua:2: attempt to concatenate a nil value (local 'x')");
        vm.close();
      });

      it("is set per VM: pooled VMs of either setting, one after the other, each get their own", async () => {
        const seen: unknown[] = [];
        for (const lua51Numbers of [true, false, true, false]) {
          const vm = await createLuaVm({ lua51Numbers });
          seen.push(vm.run("return 10/2 .. ''")[0]);
          vm.close();
        }
        expect(seen).toEqual(["5", "5.0", "5", "5.0"]);
      });
    }
  });
}
