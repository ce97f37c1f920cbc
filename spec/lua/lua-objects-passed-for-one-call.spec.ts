import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaError, type LuaRef } from "../../src/lua/index.js";

// Objects a host call passes with a class for that call (the socket of a
// socket_message) are userdata like any host object's: one per object while
// Lua holds it, freed once collected, and never standing for another object
// whose userdata took its id.
class Conn {
  constructor(readonly name: string) {}
}

describe("objects passed to Lua for one call", () => {
  it("keep one userdata while Lua holds them, are freed once collected, and a kept one stays itself over many calls", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<Conn>({ typeName: "Conn", properties: { name: { get: (c) => c.name } } });
    const [fn] = vm.run(`
      seen, names = {}, {}
      return function(conn, i)
        if i % 100 == 0 then seen[#seen + 1] = conn end
        names[#names + 1] = conn.name
      end
    `) as [LuaRef];
    const kept: Conn[] = [];
    for (let i = 1; i <= 1000; i++) {
      const conn = new Conn(`c${i}`);
      if (i % 100 === 0) kept.push(conn);
      vm.bridge.callRefVoid(fn, [conn, i], cls);
      if (i % 250 === 0) vm.collectGarbage();
    }
    expect(vm.run("return #names, names[1], names[1000], #seen")).toEqual([1000, "c1", "c1000", 10]);
    // The kept ones still stand for their objects, and pushing one again gives its userdata.
    vm.installGlobals({ again: (i) => kept[(i as number) - 1] });
    const [same, names] = vm.run(`
      local same, names = true, {}
      for i = 1, #seen do same = same and rawequal(seen[i], again(i)) names[i] = seen[i].name end
      return same, table.concat(names, ",")
    `);
    expect(same).toBe(true);
    expect(names).toBe("c100,c200,c300,c400,c500,c600,c700,c800,c900,c1000");
    vm.collectGarbage();
    expect(vm.bridge.liveObjectCount).toBe(10);
    vm.run("seen = nil");
    vm.collectGarbage();
    expect(vm.bridge.liveObjectCount).toBe(0);
    fn.release();
    vm.close();
  });

  it("stands for no object once collected, even when a Lua finalizer kept it and its id went to another object", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<Conn>({ typeName: "Conn", properties: { name: { get: (c) => c.name } } });
    const [fn] = vm.run(`
      return function(conn)
        -- The table's finalizer runs after the weak cache let go of conn, and keeps it.
        setmetatable({}, { __gc = function() kept = conn end })
      end
    `) as [LuaRef];
    vm.bridge.callRefVoid(fn, [new Conn("first")], cls);
    vm.collectGarbage();
    vm.collectGarbage();
    expect(vm.run("return type(kept)")).toEqual(["Conn"]);
    expect(vm.bridge.liveObjectCount).toBe(0);
    const [take] = vm.run("return function(c) fresh = c end") as [LuaRef];
    vm.bridge.callRefVoid(take, [new Conn("second")], cls);
    expect(vm.run("return fresh.name")).toEqual(["second"]);
    let message = "no error";
    try {
      vm.run("return kept.name", "@tool.lua");
    } catch (e) {
      message = (e as LuaError).luaMessage;
    }
    expect(message).toMatch(/Conn expected/);
    fn.release();
    take.release();
    vm.close();
  });
});
