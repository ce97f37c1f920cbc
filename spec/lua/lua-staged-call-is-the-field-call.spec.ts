import { describe, expect, it } from "vitest";
import { createLuaVm, LuaError, type LuaRef } from "../../src/lua/index.js";

// The bridge's hot call (what a TCP socket_message into a Lua table runs):
// stageField looks t[name] up raw and leaves it on the stack, callStaged
// calls it with an object (or an alias of it) and a string. Lua must see
// exactly what callField gives it, errors must come back the same way, and
// the stack must end as it began whatever happens.
class Conn {
  constructor(readonly name: string) {}
}

async function setUp() {
  const vm = await createLuaVm();
  const cls = vm.defineClass<Conn>({ typeName: "Conn", properties: { name: { get: (c) => c.name } } });
  const [t] = vm.run(`
    log, keys, nkeys, first = {}, {}, 0, nil
    local t = {}
    function t.on(c, data)
      if data == "boom" then error("boom from Lua") end
      first = first or c
      if not keys[c] then keys[c] = true nkeys = nkeys + 1 end
      log[#log + 1] = type(c) .. ":" .. c.name .. ":" .. #data .. ":" .. tostring(c == first)
    end
    t.number = 42
    return t
  `) as [LuaRef];
  return { vm, cls, t, bridge: vm.bridge, top: () => vm.bridge.c._lua_gettop(vm.bridge.L) };
}

describe("a staged call into Lua", () => {
  it("gives Lua what callField gives it: aliases are fresh keys, the object itself is one", async () => {
    const { vm, cls, t, bridge, top } = await setUp();
    const conn = new Conn("a");
    const before = top();
    const bytes = "\u0000\u00ff\r\n" + "x".repeat(100);
    for (let i = 0; i < 3; i++) {
      expect(bridge.stageField(t, "on")).toBe(1);
      bridge.callStaged(conn, cls, true, bytes);
    }
    expect(top()).toBe(before);
    expect(vm.run("return nkeys, table.concat(log, ' ')")).toEqual([3, "Conn:a:104:true Conn:a:104:true Conn:a:104:true"]);
    // The same calls through callField (an alias for a view of conn) give the same.
    vm.run("log, keys, nkeys, first = {}, {}, 0, nil");
    const view = {};
    for (let i = 0; i < 3; i++) bridge.callField(t, "on", false, [view, bytes], cls, (o) => (o === view ? conn : undefined));
    expect(vm.run("return nkeys, table.concat(log, ' ')")).toEqual([3, "Conn:a:104:true Conn:a:104:true Conn:a:104:true"]);
    // Without an alias, every call gets the object's one userdata.
    vm.run("log, keys, nkeys, first = {}, {}, 0, nil");
    for (let i = 0; i < 3; i++) {
      expect(bridge.stageField(t, "on")).toBe(1);
      bridge.callStaged(conn, cls, false, "");
    }
    expect(vm.run("return nkeys, #log")).toEqual([1, 3]);
    expect(top()).toBe(before);
    t.release();
    vm.close();
  });

  it("throws a Lua error as a LuaError with its traceback and leaves the stack as it was", async () => {
    const { cls, t, bridge, top } = await setUp();
    const before = top();
    expect(bridge.stageField(t, "on")).toBe(1);
    let caught: unknown;
    try {
      bridge.callStaged(new Conn("b"), cls, true, "boom");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LuaError);
    expect((caught as LuaError).message).toContain("boom from Lua");
    expect((caught as LuaError).luaTraceback).toContain("stack traceback");
    expect(top()).toBe(before);
    t.release();
  });

  it("says what the field is when nothing is staged, drops a stage never called, and refuses a call without a stage", async () => {
    const { vm, cls, t, bridge, top } = await setUp();
    const before = top();
    expect(bridge.stageField(t, "missing")).toBe(0);
    expect(bridge.stageField(t, "number")).toBe(0);
    expect(top()).toBe(before);
    // A table with a metatable: only a protected lookup may run its __index (which may raise).
    const [withIndex] = vm.run("return setmetatable({}, { __index = function() error('no') end })") as [LuaRef];
    expect(bridge.stageField(withIndex, "on")).toBe(-1);
    expect(top()).toBe(before);
    expect(bridge.stageField(t, "on")).toBe(1);
    expect(bridge.stageField(t, "on")).toBe(1); // the first stage is dropped
    bridge.callStaged(new Conn("c"), cls, true, "x");
    expect(top()).toBe(before);
    expect(() => bridge.callStaged(new Conn("c"), cls, true, "x")).toThrow(/no call staged/);
    expect(top()).toBe(before);
    withIndex.release();
    t.release();
  });
});
