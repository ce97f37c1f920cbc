import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Integer `%` and `//` by zero raise from inside the arithmetic instruction.
// The pinned Lua build does not save the instruction position there, and
// since the count hook runs only at steps (src/lua/wasm-patch.ts) nothing
// else does: the error must still name the line of the division, not the
// line of the last jump, call or function start.
describe("Lua host: an integer division by zero names its own line", () => {
  const cases: [string, string, "5.1" | "5.4"][] = [
    ["% by a variable", "local z, w = 2, 0\nlocal q = 1\nlocal y = 1 +\n(z % w)", "5.1"],
    ["% by a constant", "local z = 2\nlocal q = 1\nlocal y = 1 +\n(z % 0)", "5.1"],
    ["// by a variable", "local z, w = 2, 0\nlocal q = 1\nlocal y = 1 +\n(z // w)", "5.4"],
    ["// by a constant", "local z = 2\nlocal q = 1\nlocal y = 1 +\n(z // 0)", "5.4"],
  ];
  for (const [name, code, luaVersion] of cases) {
    it(name, async () => {
      const vm = await createLuaVm({ luaVersion });
      expect(() => vm.run(code, "@main.lua")).toThrow(/^main\.lua:4: attempt to (perform 'n%0'|divide by zero)/);
      vm.close();
    });
  }
});
