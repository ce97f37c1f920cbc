import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Short strings cross into Lua through a native copy when they are all ASCII
// and char by char otherwise (see HeapBytes.write), the copy being tried only
// after a string that was ASCII. Whichever path a string takes, Lua must get
// one byte per char, 0x80–0xFF included (never their UTF-8), and a char above
// 0xFF (a lone surrogate too) must be refused as it always was.
const BYTES_OF = "local s = ... local t = {} for i = 1, #s do t[i] = s:byte(i) end return #s, table.concat(t, ',')";

/** What comes before each string: an ASCII one (the native copy is tried next) and a binary one (it is not). */
const BEFORE = ["0123456789abcdef0123", "\x00\x80\xff".repeat(7)];

function codes(s: string): string {
  return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).join(",");
}

describe("short strings into Lua", () => {
  it("arrive one byte per char, whether all ASCII or with chars 0x80–0xFF anywhere", async () => {
    const vm = await createLuaVm();
    for (const len of [1, 15, 16, 17, 32, 63]) {
      const ascii = Array.from({ length: len }, (_, i) => String.fromCharCode((i * 37) & 0x7f)).join("");
      const cases = [ascii];
      for (const at of [0, len >> 1, len - 1]) {
        for (const high of ["\x80", "\xc3", "\xe9", "\xff"]) cases.push(ascii.slice(0, at) + high + ascii.slice(at + 1));
      }
      cases.push("\xff".repeat(len));
      for (const s of cases) {
        for (const before of BEFORE) {
          expect(vm.run(BYTES_OF, "=(bytes)", before)).toEqual([before.length, codes(before)]);
          expect(vm.run(BYTES_OF, "=(bytes)", s)).toEqual([len, codes(s)]);
        }
      }
    }
    vm.close();
  });

  it("arrive exactly after a longer string moved the buffer they are copied through", async () => {
    const vm = await createLuaVm();
    const long = "\x00\x7f\x80\xff".repeat(2000);
    expect(vm.run("return #(...)", "=(long)", long)).toEqual([long.length]);
    for (const s of ["abc", "a\xe9c", "\x00\x00", "z".repeat(40)]) expect(vm.run(BYTES_OF, "=(bytes)", s)).toEqual([s.length, codes(s)]);
    vm.close();
  });

  it("are refused with the same TypeError when a char is above 0xFF, a lone surrogate included", async () => {
    const vm = await createLuaVm();
    const pad = "p".repeat(20);
    for (const [s, bad, at] of [
      ["abc\u0100", "U+0100", 3],
      [pad + "abc\u0100", "U+0100", 23],
      ["\u20ac" + pad, "U+20AC", 0],
      [pad + "ab\ud800cd", "U+D800", 22],
      [pad + "a\ud83d\ude00", "U+D83D", 21],
      ["\xe9\u0101" + pad, "U+0101", 1],
    ] as const) {
      for (const before of BEFORE) {
        vm.run("return ...", "=(before)", before);
        expect(() => vm.run("return ...", "=(bad)", s)).toThrow(TypeError);
        vm.run("return ...", "=(before)", before);
        expect(() => vm.run("return ...", "=(bad)", s)).toThrow(`argument #1: character ${bad} at index ${at} is not a byte`);
      }
    }
    // Nothing of a refused string is left to the next one.
    expect(vm.run(BYTES_OF, "=(bytes)", "ok")).toEqual([2, "111,107"]);
    vm.close();
  });
});
