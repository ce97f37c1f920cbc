import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Lua 5.1 lexing of short strings: a backslash before any other character is
// that character, \ddd is decimal, every other byte is kept as it is.
describe("Lua 5.1 front end: string escapes", () => {
  it("reads a backslash before any other character as that character", async () => {
    const vm = await createLuaVm();
    expect(vm.run(String.raw`return "[\-]", "%\+", "\.", "\:", '\/', "\q\("`, "@main.lua")).toEqual(["[-]", "%+", ".", ":", "/", "q("]);
    expect(vm.run(String.raw`return ("a-b.c"):gsub("[\-\.]", "_")`)).toEqual(["a_b_c", 2]);
    vm.close();
  });

  it("reads \\ddd as a decimal byte and the usual letter escapes", async () => {
    const vm = await createLuaVm();
    expect(vm.run(String.raw`return "\65\066\0067", "\0", "a\tb\nc\\d\"e\'f", "\a\b\f\v\r"`)).toEqual([
      "AB\x067",
      "\0",
      "a\tb\nc\\d\"e'f",
      "\x07\b\f\v\r",
    ]);
    vm.close();
  });

  it("keeps every other byte unchanged, NUL and high bytes included", async () => {
    const vm = await createLuaVm();
    let all = "";
    for (let b = 0; b < 256; b++) if (b !== 10 && b !== 13 && b !== 34 && b !== 92) all += String.fromCharCode(b);
    const [s] = vm.run(`return "${all}\\-"`);
    expect(s).toBe(all + "-");
    vm.close();
  });

  it("keeps a backslash-newline inside a string on its own line", async () => {
    const vm = await createLuaVm();
    expect(vm.run('local s = "a\\\n\\-b" return s, debug.getinfo(1, "l").currentline', "@main.lua")).toEqual(["a\n-b", 2]);
    vm.close();
  });
});
