import { expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";
import { lex51 } from "../../src/lua/frontend/lex51.js";

/** The token kinds the lexer reads in `src`. */
function kinds(src: string): number[] {
  const lexed = lex51(src, false, true);
  if (!lexed.ok) throw new Error(lexed.message);
  return Array.from(lexed.tokens!.kind);
}

// A sign continues a numeral only right after its exponent letter: e/E in a
// decimal numeral, p/P in a hex one (as Lua reads it). In `0xe-arg` the e is
// a hex digit: the numeral is `0xe`, then `-` and the name `arg`.
it("ends a hex numeral whose last digit is e/E before a + or -, so the name after it is read", async () => {
  expect(kinds("return 0xe-arg, 0x1E+x..y")).toEqual(kinds("return 0xe - arg, 0x1E + x .. y"));
  expect(kinds("return 1e-2, 1E+2, 0x1p-4, 0x1P+4")).toEqual(kinds("return 1, 1, 1, 1"));
  const vm = await createLuaVm();
  expect(vm.run("local function f(...) return 0xe-arg.n, 0x1E+arg[1] end return f(1, 2)")).toEqual([12, 31]);
  vm.close();
});
