import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Closing a VM runs every finalizer as lua_close does, in lua_close's order,
// although it no longer walks (or frees) the objects that have none
// (src/lua/close-alloc.ts): finalizers that make objects, ask for a
// collection, reach upvalues of a suspended coroutine or keep their object
// alive all behave as before, and the instance is then like new.
const TOOL = `
  class "Noted"
  function Noted:__init(n) self.n = n end
  function Noted:__finalize()
    print("finalized " .. self.n)
    print("made " .. tostring(pcall(setmetatable, {}, { __gc = function() print("late finalizer ran") end })))
    print("count " .. tostring(select(2, pcall(collectgarbage, "count"))))
    print("full " .. tostring(select(2, pcall(collectgarbage))))
    resurrected = resurrected or {}
    resurrected[#resurrected + 1] = self
  end
  keep = { Noted(1), Noted(2) }
  local up = 0
  co = coroutine.create(function()
    local x = 5
    coroutine.yield(function() up = up + x end)
  end)
  local _, inc = coroutine.resume(co)
  held = setmetatable({}, { __gc = function() inc(); print("table up=" .. up .. " keep=" .. #keep) end })
  local f = io.open("out.txt", "w")
  f:write("buffered")
  for i = 1, 3 do setmetatable({}, { __gc = function() print("garbage " .. i) end }) end
`;

const FINGERPRINT = `
  local t = {}
  for i = 1, 100 do t["k" .. i] = i end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  return table.concat(keys, ","), tostring({}), collectgarbage("count")
`;

describe("closing a Lua VM", () => {
  it("runs every finalizer in lua_close's order, and the instance is like new afterwards", async () => {
    const fresh = await createLuaVm({ seed: 4, pooled: false });
    const expected = fresh.run(FINGERPRINT);
    fresh.close();

    for (const pooled of [true, false]) {
      const vm = await createLuaVm({ seed: 4, pooled });
      const instance = vm.bridge.instance;
      vm.run(TOOL);
      vm.close();
      expect(vm.printed).toEqual([
        "garbage 3",
        "garbage 2",
        "garbage 1",
        "table up=5 keep=2",
        "finalized 2",
        "made true",
        "count nil",
        "full nil",
        "finalized 1",
        "made true",
        "count nil",
        "full nil",
      ]);
      expect(vm.files.written.get("out.txt")).toBe("buffered");
      if (pooled) {
        const next = await createLuaVm({ seed: 4 });
        expect(next.bridge.instance).toBe(instance);
        expect(next.run(FINGERPRINT)).toEqual(expected);
        next.close();
      }
    }
  });
});
