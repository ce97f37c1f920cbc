import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Closing a VM runs every pending finalizer, as lua_close does, even though
// the objects' memory is not handed back to malloc (the instance's memory is
// dropped or restored from a snapshot afterwards: src/lua/close-alloc.ts).
const FINGERPRINT = `
  local t = {}
  for i = 1, 200 do t["k" .. i] = i end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  return table.concat(keys, ","), tostring({}), collectgarbage("count"), math.random(1, 1000000)
`;

describe("closing a Lua VM runs its finalizers and leaves its instance like new", () => {
  it("a file left open is flushed and luabind __finalize runs, in the order Lua finalizes", async () => {
    for (const pooled of [true, false]) {
      const vm = await createLuaVm({ pooled });
      vm.run(`
        local f = io.open("left-open.txt", "w")
        f:write("written before close")
        class "Noted"
        function Noted:__init(n) self.n = n end
        function Noted:__finalize() print("finalized " .. self.n .. " " .. string.rep("x", 1000):len()) end
        keep = { Noted(1), Noted(2), Noted(3) }
      `);
      expect(vm.files.written.get("left-open.txt")).toBe(""); // opened for writing, data still buffered
      vm.close();
      expect(vm.files.written.get("left-open.txt")).toBe("written before close");
      // lua_close calls finalizers in reverse order of marking.
      expect(vm.printed).toEqual(["finalized 3 1000", "finalized 2 1000", "finalized 1 1000"]);
    }
  });

  it("finalizers that allocate a lot still run, and the next VM on the instance equals a fresh one", async () => {
    const fresh = await createLuaVm({ seed: 3, pooled: false });
    const expected = fresh.run(FINGERPRINT);
    fresh.close();

    const vm = await createLuaVm({ seed: 3 });
    const instance = vm.bridge.instance;
    vm.run(`
      class "Big"
      function Big:__finalize()
        local parts = {}
        for i = 1, 2000 do parts[i] = string.rep(string.char(65 + i % 26), 100) end
        print(#table.concat(parts))
      end
      keep = {}
      for i = 1, 50 do keep[i] = Big() end
    `);
    vm.close();
    expect(vm.printed).toHaveLength(50);
    expect(new Set(vm.printed)).toEqual(new Set(["200000"]));

    const next = await createLuaVm({ seed: 3 });
    expect(next.bridge.instance).toBe(instance);
    expect(next.run(FINGERPRINT)).toEqual(expected);
    next.close();
  });
});
