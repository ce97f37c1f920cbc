import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaValue } from "../../src/lua/index.js";
import type { ByteString } from "../../src/core/bytes.js";

describe("Lua host: print goes to the sink, byte-exact, Lua-formatted", () => {
  it("joins arguments with tabs and formats them like Lua 5.1", async () => {
    const lines: ByteString[] = [];
    const vm = await createLuaVm({ print: (l) => lines.push(l) });
    vm.run("print('a', 1, 2.5, 10 / 2, nil, true, false) print() print(nil)");
    expect(lines).toEqual(["a\t1\t2.5\t5\tnil\ttrue\tfalse", "", "nil"]);
    vm.close();
  });

  it("passes bytes through untouched (NUL, 0xFF, invalid UTF-8)", async () => {
    const lines: ByteString[] = [];
    const vm = await createLuaVm({ print: (l) => lines.push(l) });
    vm.run("print('x\\0y\\255\\xc0', '\\xfe')");
    expect(lines).toEqual(["x\0y\xff\xc0\t\xfe"]);
    vm.close();
  });

  it("calls the global tostring (and __tostring) per argument, like 5.1", async () => {
    const lines: ByteString[] = [];
    const vm = await createLuaVm({ print: (l) => lines.push(l) });
    vm.run(`
      local obj = setmetatable({}, { __tostring = function() return "OBJ" end })
      print(obj)
      local orig = tostring
      tostring = function(v) return "<" .. orig(v) .. ">" end
      print(1, "a")
      tostring = orig
    `);
    expect(lines).toEqual(["OBJ", "<1>\t<a>"]);
    vm.close();
  });

  it("routes io.write to the stdout sink and rprint/oprint to the print sink", async () => {
    const lines: ByteString[] = [];
    const out: ByteString[] = [];
    const vm = await createLuaVm({ print: (l) => lines.push(l), stdout: (b) => out.push(b) });
    vm.run("io.write('a', 1, '\\n') io.stdout:write('b') rprint({7})");
    expect(out).toEqual(["a1\n", "b"]);
    expect(lines).toEqual(["[1] => 7"]);
    vm.close();
  });

  it("collects prints in vm.printed when no sink is given", async () => {
    const vm = await createLuaVm();
    const got: LuaValue[] = vm.run("print('hello') return 1");
    expect(got).toEqual([1]);
    expect(vm.printed).toEqual(["hello"]);
    vm.close();
  });
});
