import { describe, expect, it } from "vitest";
import { createLuaVm, type HostClassSpec, type LuaPreloadChunk, type LuaVm } from "../../src/lua/index.js";

// A preload list can have host classes' metatables built once in the VM
// template (LuaPreloadChunk.hostClasses). A VM that defines a class of the
// same name and members takes that metatable and binds its own functions to
// it: Lua must see exactly what it sees of a class built in the VM itself.

interface Point {
  x: number;
  y: number;
}

/** A class with every kind of member; `tag` tells whose functions run. */
function pointSpec(tag: string): HostClassSpec<Point> {
  return {
    typeName: "Point",
    properties: { x: { get: (p) => p.x, set: (p, v) => void (p.x = v as number) }, y: { get: (p) => p.y } },
    methods: {
      move: (p, dx, dy) => {
        p.x += dx as number;
        p.y += dy as number;
      },
      whose: () => tag,
    },
    tostring: (p) => `Point(${p.x}, ${p.y})`,
    equals: (a, b) => a.x === b.x && a.y === b.y,
    compare: (a, b) => a.x - b.x,
  };
}

const TEMPLATE: readonly LuaPreloadChunk[] = Object.freeze([{ name: "point_class", source: "", hostClasses: () => [pointSpec("template") as HostClassSpec<object>] }]);

const SCRIPT = `
  local p, q, r = ...
  local out = {}
  local function try(f) local ok, err = pcall(f) out[#out + 1] = tostring(ok) .. ":" .. tostring(err) end
  out[#out + 1] = type(p)
  out[#out + 1] = p.x .. "," .. p.y
  p.x = 5
  p:move(1, 2)
  out[#out + 1] = tostring(p)
  out[#out + 1] = p:whose()
  out[#out + 1] = tostring(p == q) .. tostring(p == r) .. tostring(rawequal(p, q)) -- Renoise's rawequal uses equals
  out[#out + 1] = tostring(r < p) .. tostring(p <= r)
  try(function() p.y = 1 end)
  try(function() p.z = 1 end)
  try(function() return p.nothing end)
  try(function() return p.move(1, 2) end)
  try(function() return p.x(1) end)
  out[#out + 1] = tostring(getmetatable(p) ~= nil)
  return table.concat(out, "\\n")
`;

/** Defines Point in `vm` and runs SCRIPT on three points (the first two equal after the script moves p). */
function exercise(vm: LuaVm, tag: string): unknown {
  const cls = vm.defineClass(pointSpec(tag));
  const p = vm.wrap({ x: 1, y: 1 }, cls);
  const q = vm.wrap({ x: 6, y: 3 }, cls);
  const r = vm.wrap({ x: 0, y: 0 }, cls);
  return vm.run(SCRIPT, "=exercise", p, q, r)[0];
}

describe("host class metatables built in the VM template", () => {
  it("a class taken from the template behaves as one built in the VM, pooled or not", async () => {
    const plain = await createLuaVm();
    const expected = exercise(plain, "vm");
    plain.close();
    expect(String(expected).split("\n").slice(0, 6)).toEqual(["Point", "1,1", "Point(6, 3)", "vm", "truefalsetrue", "truefalse"]);
    for (const pooled of [true, false]) {
      const vm = await createLuaVm({ preload: TEMPLATE, pooled });
      expect(vm.bridge.templateClasses?.has("Point")).toBe(true);
      expect(exercise(vm, "vm")).toEqual(expected);
      vm.close();
    }
  });

  it("each VM binds its own functions; a second class of the same name in one VM gets its own metatable", async () => {
    const [a, b] = await Promise.all([createLuaVm({ preload: TEMPLATE }), createLuaVm({ preload: TEMPLATE })]);
    const first = a.defineClass(pointSpec("a1"));
    const second = a.defineClass(pointSpec("a2"));
    const other = b.defineClass(pointSpec("b"));
    const [w1, w2, w3] = a.run("local p, q = ... return p:whose(), q:whose(), getmetatable(p) == getmetatable(q)", "=a", a.wrap({ x: 0, y: 0 }, first), a.wrap({ x: 0, y: 0 }, second));
    expect([w1, w2, w3]).toEqual(["a1", "a2", false]);
    expect(b.run("local p = ... return p:whose()", "=b", b.wrap({ x: 0, y: 0 }, other))).toEqual(["b"]);
    a.close();
    b.close();
  });

  it("a class of the template's name with other members is built in the VM", async () => {
    const vm = await createLuaVm({ preload: TEMPLATE });
    const spec = pointSpec("vm");
    const cls = vm.defineClass({ ...spec, methods: { ...spec.methods, extra: () => "extra" } });
    expect(vm.run("local p = ... return p:extra(), p:whose(), p.x", "=x", vm.wrap({ x: 7, y: 0 }, cls))).toEqual(["extra", "vm", 7]);
    vm.close();
  });
});
