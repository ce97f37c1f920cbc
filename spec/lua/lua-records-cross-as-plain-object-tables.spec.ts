import { describe, expect, it } from "vitest";
import { createLuaVm, LuaRecords } from "../../src/lua/index.js";

// A LuaRecords reaches Lua as the same tables as the array of its records:
// a fresh sequence of fresh tables, each with the listed fields that have a
// value (in that order, so pairs sees them as it would), keys that cannot be
// kept as C strings crossing as bytes.
describe("LuaRecords", () => {
  it("crosses as the tables an array of the same plain objects becomes", async () => {
    const vm = await createLuaVm();
    const records = [{ tag: "i", value: 1 }, { tag: "N" }, { tag: "s", value: "a\0b" }, { tag: "h", value: 2n ** 60n }];
    vm.installGlobals({
      asRecords: () => new LuaRecords(records, ["tag", "value"]),
      asArray: () => records,
    });
    const show = `
      local function show(list, sorted)
        local out = { #list }
        for i, r in ipairs(list) do
          local keys = {}
          for k, v in pairs(r) do keys[#keys + 1] = k .. "=" .. tostring(v) end
          if sorted then table.sort(keys) end
          out[#out + 1] = table.concat(keys, ",")
        end
        return table.concat(out, ";")
      end
      return show(asRecords()), show(asArray()), show(asRecords(), true), asRecords() ~= asRecords(), asRecords()[1] ~= asRecords()[1]
    `;
    const [fromRecords, fromArray, sorted, freshList, freshItem] = vm.run(show) as [string, string, string, boolean, boolean];
    expect(fromRecords).toBe(fromArray); // the same fields, in the same pairs order
    expect(sorted).toBe("4;tag=i,value=1;tag=N;tag=s,value=a\0b;tag=h,value=1.1529215046068e+18");
    expect([freshList, freshItem]).toEqual([true, true]);
    vm.close();
  });

  it("falls back to bytes for field names with NUL or chars above 0xFF, refusing the latter as any key", async () => {
    const vm = await createLuaVm();
    vm.installGlobals({
      nul: () => new LuaRecords([{ "a\0b": 1, extra: 2 }], ["a\0b"]),
      wide: () => new LuaRecords([{ "\u0100": 1 }], ["\u0100"]),
    });
    // Only the listed fields, as on the fast path.
    expect(vm.run(`return nul()[1]["a\\0b"], nul()[1].extra`)).toEqual([1, undefined]);
    expect(() => vm.run(`return wide()`)).toThrow(/not a byte/);
    vm.close();
  });
});
