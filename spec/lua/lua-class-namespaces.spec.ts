import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// luabind's class (namespace, "Name") and class (ns, "B") (ns.A) forms.
describe("Lua host: luabind classes in a namespace", () => {
  it("defines namespace.Name, not a global, with Renoise's type names and inheritance", async () => {
    const vm = await createLuaVm();
    const code = `
      ns = {}
      class (ns, "Shape")
      function ns.Shape:__init(name) self.name = name end
      function ns.Shape:describe() return "shape " .. self.name end
      class (ns, "Circle") (ns.Shape)
      function ns.Circle:__init(r) ns.Shape.__init(self, "circle") self.r = r end
      local c = ns.Circle(2)
      return rawget(_G, "Shape"), rawget(_G, "Circle"), type(ns.Shape), type(ns.Circle), type(c), c:describe(), c.r`;
    expect(vm.run(code)).toEqual([undefined, undefined, "Shape class", "Circle class", "Circle", "shape circle", 2]);
    vm.close();
  });

  it("still supports the global forms next to it", async () => {
    const vm = await createLuaVm();
    expect(vm.run('class "A" function A:f() return 1 end class "B" (A) return type(B()), B():f()')).toEqual(["B", 1]);
    vm.close();
  });
});
