import { describe, expect, it } from "vitest";
import { createLuaVm, type HostClass, type LuaVm } from "../../src/lua/index.js";
import { flushKept } from "../../src/lua/kept-store.js";

// An object whose constant Lua kept gets a metatable of its own, whose
// __index is its kept record, so the next reads run no Lua code. Nothing else
// may change: getmetatable answers the class metatable, a tool that wraps the
// class's __index is seen by every object, errors name the reading line, and
// the object is collected as before.
class Box {
  reads = 0;
  constructor(readonly size: number) {}
}

async function boxes(): Promise<{ vm: LuaVm; cls: HostClass<Box>; a: Box; b: Box }> {
  const vm = await createLuaVm();
  const cls = vm.defineClass<Box>({
    typeName: "Box",
    properties: {
      size: { get: (x) => (x.reads++, x.size) },
      double: { get: (x) => x.size * 2 },
    },
    methods: { grow: (x, n) => x.size + (n as number) },
    tostring: (x) => `Box ${x.size}`,
    constant: ["size"],
  });
  const a = new Box(3);
  const b = new Box(4);
  vm.installGlobals({ a: vm.wrap(a, cls), b: vm.wrap(b, cls) });
  return { vm, cls, a, b };
}

describe("kept constants of a host object are answered without running Lua code", () => {
  it("keeps getmetatable, tostring, objinfo, methods and other properties as they were", async () => {
    const { vm, a } = await boxes();
    const [sameMt, size, double, grown, text, sameAfter, reads, info] = vm.run(`
      local before, info = getmetatable(a), table.concat(objinfo(a), ";")
      local s = a.size + a.size
      return before == getmetatable(b), s, a.double, a:grow(2), tostring(a), getmetatable(a) == before and getmetatable(a) == getmetatable(b), a.size,
        info == table.concat(objinfo(a), ";") and info:find("class: Box") ~= nil
    `);
    expect([sameMt, size, double, grown, text, sameAfter, reads, info]).toEqual([true, 6, 6, 5, "Box 3", true, 3, true]);
    expect(a.reads).toBe(1);
    vm.close();
  });

  it("names the reading line in errors, for an object with kept values as for one without", async () => {
    const { vm } = await boxes();
    vm.run("local s = a.size");
    for (const name of ["a", "b"]) {
      expect(() => vm.run(`local x = 1\nlocal y = ${name}.nope`, "=probe")).toThrow(
        /^probe:2: unknown property or function 'nope' for an object of type 'Box'/,
      );
      expect(() => vm.run(`local x = 1\n${name}.size = 2`, "=probe")).toThrow(
        /^probe:2: property 'size' of an object of type 'Box' is read-only/,
      );
    }
    vm.close();
  });

  it("sees a wrapper a tool puts around the class's __index, for objects that kept values before", async () => {
    const { vm } = await boxes();
    const [before, extra, size, other] = vm.run(`
      local before = a.size
      local mt = getmetatable(a)
      local index = mt.__index
      mt.__index = function(self, k)
        if k == "extra" then return "from the wrapper" end
        return index(self, k)
      end
      return before, a.extra, a.size, b.extra
    `);
    expect([before, extra, size, other]).toEqual([3, "from the wrapper", 3, "from the wrapper"]);
    vm.close();
  });

  it("reads the constant from the host again after a flush", async () => {
    const { vm, a } = await boxes();
    expect(vm.run("return a.size, a.size")).toEqual([3, 3]);
    expect(a.reads).toBe(1);
    flushKept(vm.bridge);
    expect(vm.run("return a.size, a.size, getmetatable(a) == getmetatable(b)")).toEqual([3, 3, true]);
    expect(a.reads).toBe(2);
    vm.close();
  });

  it("lets Lua collect an object that kept values", async () => {
    const { vm, cls } = await boxes();
    vm.run("local s = a.size + b.size");
    vm.collectGarbage();
    const live = vm.bridge.liveObjectCount;
    vm.installGlobals({ boxes: Array.from({ length: 20 }, (_, i) => vm.wrap(new Box(i), cls)) });
    vm.run("local n = 0 for _, x in ipairs(boxes) do n = n + x.size end boxes = nil");
    vm.collectGarbage();
    vm.collectGarbage();
    expect(vm.bridge.liveObjectCount).toBe(live);
    vm.close();
  });
});
