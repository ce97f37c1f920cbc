import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm, type LuaVmOptions } from "../../src/lua/index.js";

// What depends on the memory layout of a VM (string hashes, addresses,
// allocator state) and on its options: a pooled VM, restored from a memory
// snapshot, must show exactly what a VM built from scratch shows.
const FINGERPRINT = `
  local t = {}
  for i = 1, 300 do t["key" .. i] = i; t[i * 7.5] = i end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  local r = {}
  for i = 1, 6 do r[i] = math.random(1, 1000000) end
  return table.concat(keys, ","), tostring({}), tostring(print), collectgarbage("count"),
    table.concat(r, ","), os.time(), os.platform(), os.tmpname(), tostring(10 / 2)
`;

async function fingerprint(options: LuaVmOptions): Promise<unknown[]> {
  const vm = await createLuaVm(options);
  try {
    return vm.run(FINGERPRINT);
  } finally {
    vm.close();
  }
}

/**
 * A VM that grows and scribbles over the heap and deep into the C stack
 * (nested protected calls, callbacks from C), then closes (its instance
 * goes back to the pool; a snapshot restore leaves the stack as it was).
 */
async function heavyUse(options: LuaVmOptions): Promise<void> {
  const vm: LuaVm = await createLuaVm(options);
  vm.run(`
    big = {}
    for i = 1, 20000 do big[i] = string.rep(string.char(i % 256), 300) .. i end
    _G.junk = setmetatable({}, { __gc = function() end })
    local function deep(n)
      if n == 0 then return tostring(setmetatable({}, { __tostring = function() return ("z"):rep(100) end })) end
      return select(2, pcall(deep, n - 1))
    end
    assert(#deep(150) == 100)
    local s = ("abc"):rep(200)
    for _ = 1, 20 do s = s:gsub("%a", function(c) return string.char(bit.bxor(c:byte(), 1)) end) end
    local t = {}
    for i = 1, 500 do t[i] = (i * 7919) % 1000 end
    table.sort(t, function(a, b) return a > b end)
  `);
  const c = vm.bridge.instance.c as unknown as { HEAPU8: Uint8Array; rawExports: Record<string, () => number> };
  const [end, base] = [c.rawExports.emscripten_stack_get_end!(), c.rawExports.emscripten_stack_get_base!()];
  expect(c.HEAPU8.subarray(end, base).some((b) => b !== 0)).toBe(true); // the stack holds what this VM left
  vm.close();
}

describe("pooled Lua VMs are the VM built from scratch", () => {
  for (const options of [
    { seed: 7 },
    { seed: 123456, platform: "WINDOWS", epoch: 0, now: () => 90_500 },
    { lua51Numbers: false, seed: 3 },
  ] satisfies LuaVmOptions[]) {
    it(`same pairs order, addresses, GC count, random sequence and options: ${JSON.stringify(options)}`, async () => {
      const fresh = await fingerprint({ ...options, pooled: false });
      const first = await fingerprint({ ...options, pooled: true });
      expect(first).toEqual(fresh);
      for (let i = 0; i < 48; i++) {
        if (i % 8 === 0) await heavyUse({ ...options, pooled: true });
        else await fingerprint({ ...options, seed: i, pooled: true });
      }
      const fiftieth = await fingerprint({ ...options, pooled: true });
      expect(fiftieth).toEqual(fresh);
      // Options reach the VM: another seed gives another sequence.
      expect((await fingerprint({ ...options, seed: 99 }))[4]).not.toEqual(fresh[4]);
    }, 60_000);
  }
});
