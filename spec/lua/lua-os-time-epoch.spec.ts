import { describe, expect, it } from "vitest";
import { createLuaVm, DEFAULT_LUA_EPOCH } from "../../src/lua/index.js";

// os.time and os.date start at a realistic, configurable epoch plus virtual time.
describe("Lua host: os.time epoch", () => {
  it("starts at 2026-01-01T00:00:00Z by default and advances with virtual time", async () => {
    let now = 0;
    const vm = await createLuaVm({ now: () => now });
    expect(DEFAULT_LUA_EPOCH).toBe(Date.UTC(2026, 0, 1) / 1000);
    expect(vm.run("return os.time(), os.date('!%Y-%m-%d %H:%M:%S')")).toEqual([DEFAULT_LUA_EPOCH, "2026-01-01 00:00:00"]);
    now = 90_500;
    expect(vm.run("return os.time(), os.date('%H:%M:%S'), os.clock()")).toEqual([DEFAULT_LUA_EPOCH + 90, "00:01:30", 90.5]);
    vm.close();
  });

  it("takes another epoch from the options", async () => {
    const vm = await createLuaVm({ epoch: Date.UTC(2030, 5, 15, 12) / 1000 });
    expect(vm.run("return os.date('!%Y-%m-%d %H:%M')")).toEqual(["2030-06-15 12:00"]);
    vm.close();
  });
});
