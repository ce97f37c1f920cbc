import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaError, type LuaRef } from "../../src/lua/index.js";

// A host call may pass an object as an alias of another (the socket of a
// callback stands for its connection's one wrapper): Lua gets a userdata of
// its own each time — its own table key — that acts as the object in every
// way, keeps the object's userdata alive while it lives, and stands for
// nothing once that userdata was finalized.
class Conn {
  constructor(readonly name: string) {}
  sent: string[] = [];
}
/** A view made for one call, standing for `conn`. */
class View {
  constructor(readonly conn: Conn) {}
}
const aliasOf = (o: object): object | undefined => (o instanceof View ? o.conn : undefined);

async function vmWithClass() {
  const vm = await createLuaVm();
  const cls = vm.defineClass<Conn>({
    typeName: "Conn",
    properties: { name: { get: (c) => c.name } },
    methods: { send: (c, s) => void c.sent.push(s as string) },
    tostring: (c) => `Conn(${c.name})`,
  });
  vm.installGlobals({ name_of: (c) => (c instanceof Conn ? c.name : "not a Conn") });
  return { vm, cls };
}

describe("aliases of one host object in Lua", () => {
  it("are distinct values and table keys that act as the object, and keep its userdata while any lives", async () => {
    const { vm, cls } = await vmWithClass();
    const conn = new Conn("a");
    const [fn] = vm.run(`
      seen, keys, n = {}, {}, 0
      return function(c, i)
        if i <= 3 then seen[i] = c end
        keys[c] = true
        n = n + 1
        c:send("m" .. i)
        if i % 100 == 0 then collectgarbage() collectgarbage() end
      end
    `) as [LuaRef];
    for (let i = 1; i <= 1000; i++) vm.bridge.callRefVoid(fn, [new View(conn), i], cls, aliasOf);
    expect(conn.sent.length).toBe(1000);
    expect(conn.sent[999]).toBe("m1000");
    const [distinct, eq, raw, type, text, name, host] = vm.run(`
      local a, b = seen[1], seen[2]
      local distinct = 0
      for _ in pairs(keys) do distinct = distinct + 1 end
      return distinct, a == b, rawequal(a, b), type(a), tostring(b), seen[3].name, name_of(a)
    `);
    expect({ distinct, eq, raw, type, text, name, host }).toEqual({
      distinct: 1000,
      eq: true,
      raw: true,
      type: "Conn",
      text: "Conn(a)",
      name: "a",
      host: "a",
    });
    vm.run("keys = nil");
    vm.collectGarbage();
    // The three kept aliases hold the object's one userdata.
    expect(vm.bridge.liveObjectCount).toBe(1);
    expect(vm.run(`seen[1]:send("late") return seen[2].name`)).toEqual(["a"]);
    expect(conn.sent.at(-1)).toBe("late");
    vm.run("seen = nil");
    vm.collectGarbage();
    vm.collectGarbage();
    expect(vm.bridge.liveObjectCount).toBe(0);
    fn.release();
    vm.close();
  });

  it("stand for no object once its userdata was finalized, even kept by a Lua finalizer and with its id reused", async () => {
    const { vm, cls } = await vmWithClass();
    const [fn] = vm.run(`
      return function(c)
        -- Finalized in the same cycle as the object's userdata: the finalizer keeps the alias.
        setmetatable({}, { __gc = function() kept = c end })
      end
    `) as [LuaRef];
    vm.bridge.callRefVoid(fn, [new View(new Conn("first"))], cls, aliasOf);
    vm.collectGarbage();
    vm.collectGarbage();
    expect(vm.run("return type(kept)")).toEqual(["Conn"]);
    expect(vm.bridge.liveObjectCount).toBe(0);
    const [take] = vm.run("return function(c) fresh = c end") as [LuaRef];
    vm.bridge.callRefVoid(take, [new View(new Conn("second"))], cls, aliasOf);
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
