import { describe, expect, it } from "vitest";
import { createLuaVm, LuaInstructionLimitError } from "../../src/lua/index.js";

// A tool looping forever inside its own pcall is stopped anyway, and the
// report names the line that was running when the limit hit.
describe("Lua host: instruction limit report", () => {
  it("names the looping line, not the pcall around it", async () => {
    const vm = await createLuaVm({ instructionLimit: 50_000 });
    const code = [
      "local function spin()", // 1
      "  local n = 0", // 2
      "  while true do n = n + 1 end", // 3
      "end", // 4
      "for i = 1, 100 do", // 5
      "  local ok, err = pcall(spin)", // 6
      "end", // 7
    ].join("\n");
    let err: unknown;
    try {
      vm.run(code, "@main.lua");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LuaInstructionLimitError);
    const e = err as LuaInstructionLimitError;
    expect(e.luaMessage).toMatch(/^main\.lua:3: instruction limit exceeded/);
    expect(e.luaTraceback).toMatch(/^stack traceback:\n\s+main\.lua:3: in /);
    vm.close();
  });
});
