import { describe, expect, it } from "vitest";
import { createLuaVm, LuaInstructionLimitError, LuaVmClosedError, type LuaVm } from "../../src/lua/index.js";

// A VM that broke down (wasm trap, panic, instruction-limit abort, closed
// while running) may have left state outside the memory a snapshot
// restores: its module instance never serves another VM, and the next VM
// is the same as one built from scratch.
const FINGERPRINT = `
  local t = {}
  for i = 1, 100 do t["k" .. i] = i end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  return table.concat(keys, ","), tostring({}), collectgarbage("count"), math.random(1, 1000000)
`;

async function reference(): Promise<unknown[]> {
  const vm = await createLuaVm({ seed: 5, pooled: false });
  const r = vm.run(FINGERPRINT);
  vm.close();
  return r;
}

async function afterBreaking(breakIt: (vm: LuaVm) => void): Promise<void> {
  const expected = await reference();
  const broken = await createLuaVm({ seed: 5 });
  const instance = broken.bridge.instance;
  breakIt(broken);
  broken.close();
  expect(broken.bridge.instance.tainted).toBe(true);
  const next = await createLuaVm({ seed: 5 });
  expect(next.bridge.instance).not.toBe(instance);
  expect(next.run(FINGERPRINT)).toEqual(expected);
  next.close();
}

describe("a broken-down Lua VM never returns its instance to the pool", () => {
  it("after a wasm trap inside C Lua", async () => {
    await afterBreaking((vm) => {
      // Point a table's array and hash parts outside the module memory, then index it: C Lua traps.
      const [addr] = vm.run("t = {} return tostring(t)");
      const p = Number.parseInt((addr as string).replace("table: 0x", ""), 16);
      const heap = vm.bridge.c.HEAPU32;
      heap[(p + 12) >> 2] = 0xfffffff0;
      heap[(p + 16) >> 2] = 0xfffffff0;
      let error: unknown;
      try {
        vm.run("return t[1]");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LuaVmClosedError);
      // The cause is the engine's trap (WebAssembly.RuntimeError).
      expect(((error as Error).cause as Error).constructor.name).toBe("RuntimeError");
      expect(vm.closed).toBe(true);
    });
  });

  it("after a panic (an error raised with no protected call)", async () => {
    await afterBreaking((vm) => {
      const b = vm.bridge;
      b.bytes.push(b.L, "boom");
      expect(() => b.c._lua_error(b.L)).toThrow(LuaVmClosedError);
      expect(vm.closed).toBe(true);
    });
  });

  it("after an instruction-limit abort", async () => {
    await afterBreaking((vm) => {
      vm.setInstructionLimit(10_000);
      expect(() => vm.run("while true do end")).toThrow(LuaInstructionLimitError);
    });
  });

  it("after close() was called while Lua code was running", async () => {
    await afterBreaking((vm) => {
      vm.setGlobal("close_me", () => {
        vm.close();
      });
      expect(() => vm.run("close_me()")).toThrow(/close\(\) called while Lua code is running/);
    });
  });

  it("while a cleanly closed VM's instance is reused", async () => {
    const a = await createLuaVm();
    const instance = a.bridge.instance;
    a.close();
    const b = await createLuaVm();
    expect(b.bridge.instance).toBe(instance);
    b.close();
  });
});
