import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";

// The example of renoise/definitions library/standard.lua, plus luabind details.
const ANIMALS = `
class 'Animal'
  function Animal:__init(name)
    self.name = name
    self.can_fly = nil
  end
  function Animal:show()
    return ("I am a %s (%s) and I %s"):format(self.name, type(self),
      (self.can_fly and "can fly" or "can not fly"))
  end

class 'Mammal' (Animal)
  function Mammal:__init(name)
    Animal.__init(self, name)
    self.can_fly = false
  end

class 'Bird' (Animal)
  function Bird:__init(name)
    Animal.__init(self, name)
    self.can_fly = true
  end
`;

describe("Lua host: luabind-style class", () => {
  let vm: LuaVm;
  beforeAll(async () => {
    vm = await createLuaVm();
    vm.run(ANIMALS, "@animals.lua");
  });
  afterAll(() => vm.close());

  it("constructs instances through __init, inheriting methods from the base", () => {
    expect(vm.run("return Mammal('Cow'):show(), Bird('Duck'):show(), Animal('Thing'):show()")).toEqual([
      "I am a Cow (Mammal) and I can not fly",
      "I am a Duck (Bird) and I can fly",
      "I am a Thing (Animal) and I can not fly",
    ]);
  });

  it("type() names instances and classes like Renoise", () => {
    expect(vm.run("return type(Mammal('x')), type(Mammal), type({}), type('s'), type(nil)")).toEqual([
      "Mammal",
      "Mammal class",
      "table",
      "string",
      "nil",
    ]);
  });

  it("looks members up dynamically: methods added to a base later reach derived instances", () => {
    expect(vm.run("local c = Mammal('Cow') function Animal:legs() return 4 end return c:legs()")).toEqual([4]);
  });

  it("uses the inherited __init when a derived class has none", () => {
    expect(vm.run("class 'Dog' (Mammal) return Dog('Rex').name, Dog('Rex').can_fly")).toEqual(["Rex", false]);
  });

  it("keeps instance identity: rawequal and == compare objects, not contents", () => {
    expect(vm.run("local a, b = Animal('x'), Animal('x') return a == a, a == b, rawequal(a, a), rawequal(a, b)")).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it("applies __tostring, __eq, __lt (and 5.1's __le fallback) defined on the class", () => {
    const out = vm.run(`
      class 'Money'
      function Money:__init(v) self.v = v end
      function Money:__tostring() return "$" .. self.v end
      function Money:__eq(o) return self.v == o.v end
      function Money:__lt(o) return self.v < o.v end
      function Money:__add(o) return Money(self.v + o.v) end
      local a, b = Money(1), Money(2)
      return tostring(a + b), Money(3) == Money(3), a < b, b <= a, a <= b
    `);
    expect(out).toEqual(["$3", true, true, false, true]);
  });

  it("supports luabind property(get, set) members", () => {
    const out = vm.run(`
      class 'Knob'
      function Knob:__init() self._v = 0 end
      Knob.value = property(function(self) return self._v end, function(self, v) self._v = v * 2 end)
      Knob.fixed = property(function() return 42 end)
      local k = Knob()
      k.value = 5
      local ok, err = pcall(function() k.fixed = 1 end)
      return k.value, k.fixed, ok, err
    `);
    expect(out[0]).toBe(10);
    expect(out[1]).toBe(42);
    expect(out[2]).toBe(false);
    expect(out[3]).toMatch(/property 'fixed' is read-only/);
  });

  it("rejects a non-class base", () => {
    expect(() => vm.run("class 'Broken' ({})", "@main.lua")).toThrow(/main\.lua:1: class 'Broken': base class expected, got table/);
  });
});
