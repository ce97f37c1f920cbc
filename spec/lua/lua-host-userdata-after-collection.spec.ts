import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaError } from "../../src/lua/index.js";

// The bridge reuses the id of a host userdata once Lua has collected it.
// A userdata that a Lua finalizer keeps reachable after that must not stand
// for whichever object gets the id next.
class Thing {
  constructor(readonly name: string) {}
}

describe("host userdata after Lua collected it", () => {
  it("stands for no object once its finalizer ran, even when a finalizer of Lua's kept it and the id is reused", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<Thing>({ typeName: "Thing", properties: { name: { get: (t) => t.name } } });
    const made: Thing[] = [];
    vm.installGlobals({ make: (n) => vm.wrap(made[made.push(new Thing(String(n as string | number))) - 1]!, cls) });
    vm.run(`
      do
        local t = make("first")
        -- A table finalizer made after t's runs before t's (reverse order) and keeps t.
        setmetatable({}, { __gc = function() kept = t end })
      end
    `);
    vm.collectGarbage();
    vm.collectGarbage();
    expect(vm.run("return type(kept)")).toEqual(["Thing"]);
    expect(vm.bridge.liveObjectCount).toBe(0);
    // New objects take the freed id; the kept userdata must not become one of them.
    expect(vm.run("fresh = make('second') return fresh.name")).toEqual(["second"]);
    let message = "no error";
    try {
      vm.run("return kept.name", "@tool.lua");
    } catch (e) {
      message = (e as LuaError).luaMessage;
    }
    expect(message).toMatch(/Thing expected/);
    vm.close();
  });

  it("gives a live object its one userdata and a collected one a new userdata, over many reuses of ids", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<Thing>({ typeName: "Thing", properties: { name: { get: (t) => t.name } } });
    const keep = new Thing("kept");
    vm.installGlobals({ make: (n) => vm.wrap(new Thing(String(n as string | number)), cls), kept: () => vm.wrap(keep, cls) });
    vm.run("k = kept()");
    for (let round = 0; round < 5; round++) {
      expect(vm.run("local n = 0 for i = 1, 300 do if make(i).name == tostring(i) then n = n + 1 end end return n")).toEqual([300]);
      vm.collectGarbage();
      expect(vm.run("return rawequal(k, kept()), kept().name")).toEqual([true, "kept"]);
    }
    expect(vm.bridge.liveObjectCount).toBe(1);
    vm.close();
  });
});
