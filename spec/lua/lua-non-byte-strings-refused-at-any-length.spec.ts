import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Strings cross into Lua one char per byte. Short and long strings take
// different copy paths; both refuse a char above U+00FF and name the first one.
describe("strings with a char that is not a byte", () => {
  it("are refused with the first offending char and its index, whatever their length", async () => {
    const vm = await createLuaVm();
    for (const len of [1, 15, 16, 17, 63, 64, 65, 5000]) {
      const s = "\xff".repeat(len - 1) + "\u20ac" + "\u0100";
      expect(() => vm.run("return ...", "=(bad)", s)).toThrow(
        `argument #1: character U+20AC at index ${len - 1} is not a byte`,
      );
      const ok = "\x00\x80\xff".repeat(len);
      expect(vm.run("return #(...), (...)", "=(ok)", ok)).toEqual([ok.length, ok]);
    }
    vm.close();
  });
});
