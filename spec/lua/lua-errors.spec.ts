import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createLuaVm, LuaError, LuaRaise, LuaRef, LuaSyntaxError, LuaVmClosedError } from "../../src/lua/index.js";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/lua");

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("Lua host: errors in tool code surface as JS errors, host stays usable", () => {
  it("reports a syntax error in a tool file with file and line", async () => {
    const vm = await createLuaVm({ tool: { dir: resolve(FIXTURES, "tool-syntax-error") } });
    const e = caught(() => vm.loadTool());
    expect(e).toBeInstanceOf(LuaSyntaxError);
    expect((e as LuaSyntaxError).name).toBe("LuaSyntaxError");
    expect((e as LuaSyntaxError).luaMessage).toMatch(/^main\.lua:4: unexpected symbol near '='/);
    expect(vm.run("return 'ok'")).toEqual(["ok"]);
    vm.close();
  });

  it("reports a runtime error with message and traceback", async () => {
    const vm = await createLuaVm({
      tool: { files: { "main.lua": "local function inner()\n  error('bad thing')\nend\nfunction outer() inner() end\nouter()\n" } },
    });
    const e = caught(() => vm.loadTool()) as LuaError;
    expect(e).toBeInstanceOf(LuaError);
    expect(e.name).toBe("LuaError");
    expect(e.luaMessage).toBe("main.lua:2: bad thing");
    expect(e.luaTraceback).toMatch(/^stack traceback:/);
    expect(e.luaTraceback).toMatch(/main\.lua:2: in (local|upvalue) 'inner'/);
    expect(e.luaTraceback).toMatch(/main\.lua:4: in function 'outer'/);
    expect(e.message).toBe(`main.lua:2: bad thing\n${e.luaTraceback}`);
    vm.close();
  });

  it("keeps non-string error values readable", async () => {
    const vm = await createLuaVm();
    expect((caught(() => vm.run("error(setmetatable({}, {__tostring = function() return 'custom' end}))")) as LuaError).luaMessage).toBe(
      "custom",
    );
    expect((caught(() => vm.run("error(42)")) as LuaError).luaMessage).toBe("42");
    expect((caught(() => vm.run("error()")) as LuaError).luaMessage).toBe("nil");
    vm.close();
  });

  it("turns JS exceptions in host functions into Lua errors at the caller's line, with the JS error as cause", async () => {
    const vm = await createLuaVm();
    const boom = new RangeError("port out of range");
    vm.installGlobals({
      api: {
        fail: () => {
          throw boom;
        },
        raise: () => {
          throw new LuaRaise("exact\0bytes", false);
        },
      },
    });
    const e = caught(() => vm.run("local x = 1\napi.fail()", "@tool.lua")) as LuaError;
    expect(e.luaMessage).toBe("tool.lua:2: port out of range");
    expect(e.cause).toBe(boom);
    // Lua code can catch it like any Lua error.
    expect(vm.run("return pcall(api.fail)")).toEqual([false, "port out of range"]);
    expect(vm.run("local ok, e = pcall(api.raise) return e")).toEqual(["exact\0bytes"]);
    vm.close();
  });

  it("lets a Lua error cross a host function unchanged (Lua -> JS -> Lua -> error)", async () => {
    const vm = await createLuaVm();
    vm.installGlobals({ api: { call_back: (f) => vm.call(f as never) } });
    const e = caught(() => vm.run("api.call_back(function() error('deep', 0) end)")) as LuaError;
    expect(e.luaMessage).toBe("deep");
    vm.close();
  });

  it("refuses use after close, and refs of another VM", async () => {
    const a = await createLuaVm();
    const b = await createLuaVm();
    const [f] = a.run("return function() return 1 end");
    expect(f).toBeInstanceOf(LuaRef);
    expect(() => b.run("return ...", "=(x)", f as LuaRef)).toThrow(/belongs to another Lua VM/);
    a.close();
    expect(() => a.run("return 1")).toThrow(LuaVmClosedError);
    expect(() => (f as LuaRef).call()).toThrow(LuaVmClosedError);
    expect(b.run("return 2")).toEqual([2]);
    b.close();
  });
});
