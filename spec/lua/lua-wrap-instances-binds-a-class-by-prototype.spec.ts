import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// LuaVm.wrapInstances(Ctor, cls): every instance of Ctor (not of its
// subclasses) reaches Lua as userdata of cls, as if each were wrap()ped; a
// wrap() of one object still wins.
class Point {
  constructor(readonly x: number) {}
}
class Point3 extends Point {}

describe("LuaVm.wrapInstances", () => {
  it("makes every instance of the class userdata of the host class, one per object while Lua holds it", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<Point>({ typeName: "Point", properties: { x: { get: (p) => p.x } } });
    const other = vm.defineClass<Point>({ typeName: "Other", properties: { x: { get: (p) => -p.x } } });
    vm.wrapInstances(Point, cls);
    const p = new Point(3);
    const special = vm.wrap(new Point(5), other);
    vm.installGlobals({ point: () => p, special: () => special, sub: () => new Point3(1) });
    expect(vm.run(`return type(point()), point().x, rawequal(point(), point()), type(special()), special().x`)).toEqual([
      "Point",
      3,
      true,
      "Other",
      -5,
    ]);
    // A subclass's instance is not covered: it is refused as any unbound class instance is.
    expect(() => vm.run(`return sub()`)).toThrow(/cannot pass a Point3 to Lua/);
    vm.close();
  });
});
