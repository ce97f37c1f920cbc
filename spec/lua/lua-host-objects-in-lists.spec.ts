import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// A host function returning a JS array hands Lua a fresh table whose host
// objects are each object's one userdata, whatever else the array holds.
class Thing {
  constructor(readonly name: string) {}
}
class Other {
  constructor(readonly n: number) {}
}

describe("host objects inside a list passed to Lua", () => {
  it("are the same userdata as the object pushed alone, in every list, mixed with other values", async () => {
    const vm = await createLuaVm();
    const thing = vm.defineClass<Thing>({ typeName: "Thing", properties: { name: { get: (t) => t.name } } });
    const other = vm.defineClass<Other>({ typeName: "Other", properties: { n: { get: (o) => o.n } } });
    const a = vm.wrap(new Thing("a"), thing);
    const b = vm.wrap(Object.freeze(new Thing("b")), thing);
    const o = vm.wrap(new Other(7), other);
    vm.installGlobals({
      list: () => [a, "text", 3, o, [b, a], true, b],
      one: (i) => [a, b, o][(i as number) - 1],
    });
    const [same, types, nested, fresh] = vm.run(`
      local l1, l2 = list(), list()
      local same = rawequal(l1[1], one(1)) and rawequal(l2[1], one(1)) and rawequal(l1[7], one(2))
        and rawequal(l1[4], one(3)) and rawequal(l1[5][1], l1[7]) and rawequal(l1[5][2], l1[1])
      local types = table.concat({ type(l1[1]), type(l1[2]), type(l1[3]), type(l1[4]), type(l1[5]), tostring(l1[6]) }, ",")
      return same, types, l1[5][1].name .. l1[1].name .. l1[4].n, l1 ~= l2
    `);
    expect(same).toBe(true);
    expect(types).toBe("Thing,string,number,Other,table,true");
    expect(nested).toBe("ba7");
    expect(fresh).toBe(true);
    vm.collectGarbage();
    expect(vm.bridge.liveObjectCount).toBe(0);
    expect(vm.run("local l = list() return rawequal(l[1], one(1)), l[7].name")).toEqual([true, "b"]);
    vm.close();
  });
});
