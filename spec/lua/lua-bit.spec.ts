import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";

// Expected values from the LuaJIT BitOp documentation (http://bitop.luajit.org/api.html)
// and its test suite semantics: 32-bit operations, signed 32-bit results.
const CASES: [string, number | string][] = [
  ["bit.tobit(0xffffffff)", -1],
  ["bit.tobit(0xffffffff + 1)", 0],
  ["bit.tobit(2^40 + 1234)", 1234],
  ["bit.tobit(-1)", -1],
  ["bit.tobit(1.5)", 2],
  ["bit.tobit(2.5)", 2],
  ["bit.tobit(-1.5)", -2],
  ["bit.bnot(0)", -1],
  ["bit.bnot(0x12345678)", -305419897],
  ["bit.band(0x12345678, 0xff)", 0x78],
  ["bit.bor(1, 2, 4, 8)", 15],
  ["bit.bxor(0xa5a5f0f0, 0xaa55ff00)", 0x0ff00ff0],
  ["bit.band(-1, 0xffffffff)", -1],
  ["bit.lshift(1, 0)", 1],
  ["bit.lshift(1, 8)", 256],
  ["bit.lshift(1, 40)", 256],
  ["bit.lshift(1, 31)", -2147483648],
  ["bit.lshift(0x87654321, 4)", 0x76543210],
  ["bit.rshift(256, 8)", 1],
  ["bit.rshift(-256, 8)", 16777215],
  ["bit.rshift(0x87654321, 12)", 0x87654],
  ["bit.arshift(-256, 8)", -1],
  ["bit.arshift(0x87654321, 12)", -493996],
  ["bit.rol(0x12345678, 12)", 0x45678123],
  ["bit.ror(0x12345678, 12)", 0x67812345],
  ["bit.rol(0x12345678, 0)", 0x12345678],
  ["bit.bswap(0x12345678)", 0x78563412],
  ["bit.bswap(0x78563412)", 0x12345678],
  ["bit.bswap(0xff)", -16777216],
  ["bit.tohex(1)", "00000001"],
  ["bit.tohex(-1)", "ffffffff"],
  ["bit.tohex(0xffffffff)", "ffffffff"],
  ["bit.tohex(-1, -8)", "FFFFFFFF"],
  ["bit.tohex(0x21, 4)", "0021"],
  ["bit.tohex(0x87654321, 4)", "4321"],
  ["bit.tohex(0x87654321, -4)", "4321"],
  ["bit.tohex(0xabcdef, -3)", "DEF"],
  ["bit.tohex(1, 12)", "00000001"],
  ["bit.band('0x10', 0x1f)", 16],
];

describe("Lua host: LuaJIT BitOp 'bit' library", () => {
  let vm: LuaVm;
  beforeAll(async () => {
    vm = await createLuaVm();
  });
  afterAll(() => vm.close());

  it.each(CASES)("%s == %s", (expr, expected) => {
    expect(vm.run(`return ${expr}`)[0]).toBe(expected);
  });

  it("returns integers that print without a fraction", () => {
    expect(vm.run("return math.type(bit.band(3, 1)), tostring(bit.lshift(1, 4)), tostring(bit.tobit(2^31))")).toEqual([
      "integer",
      "16",
      "-2147483648",
    ]);
  });

  it("raises BitOp-style errors for non-numbers", () => {
    expect(() => vm.run("local x = bit.band({}, 1)", "@main.lua")).toThrow(
      /main\.lua:1: bad argument #1 to 'band' \(number expected, got table\)/,
    );
  });

  it("is also available through require 'bit'", () => {
    expect(vm.run("return require('bit') == bit")).toEqual([true]);
  });
});
