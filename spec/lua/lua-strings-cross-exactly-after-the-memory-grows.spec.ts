import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Strings cross between JS and Lua through views of the module's memory,
// made once and kept (HeapBytes). When Lua's memory grows the module gets a
// new memory buffer: the views must follow it, in both directions and on
// every copy path (char by char, ASCII, native latin1).
describe("strings crossing after Lua's memory grew", () => {
  it("arrive exactly both ways", async () => {
    const vm = await createLuaVm();
    const c = vm.bridge.c;
    const samples = ["ab", "0123456789abcdef0123", "\x00\x80\xff".repeat(7), "x".repeat(100), "\x00\x80\xff".repeat(100)];
    const roundTrip = (): void => {
      for (const s of samples) expect(vm.run("local s = ... return s .. '', #s", "=(trip)", s)).toEqual([s, s.length]);
    };
    roundTrip();
    const heapBefore = c.HEAPU8;
    const bufferBefore = heapBefore.buffer;
    vm.run("big = string.rep('z', 64 * 1024 * 1024)");
    expect(c.HEAPU8.buffer).not.toBe(bufferBefore); // the memory did grow
    roundTrip();
    vm.run("big = nil collectgarbage()");
    roundTrip();
    vm.close();
  });
});
