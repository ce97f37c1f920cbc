import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { createLuaVm, LuaSyntaxError } from "../../src/lua/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// A genuine syntax error gets Lua's own message with file and line, and a
// tool that fails to load never takes the simulation or other tools down.
describe("Lua 5.1 front end: syntax errors", () => {
  it("reports a genuine syntax error with Lua's message, file and line", async () => {
    const vm = await createLuaVm({ tool: { files: { "main.lua": 'local s = "a" .. 1\nlocal t = {\nprint(s' } } });
    let err: unknown;
    try {
      vm.loadTool();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LuaSyntaxError);
    expect((err as LuaSyntaxError).luaMessage).toBe("main.lua:3: ')' expected near <eof>");
    expect(vm.run("return 'usable'")).toEqual(["usable"]);
    vm.close();
  });

  it("keeps the simulation and other tools running when a tool is refused at load", async () => {
    const sim = createSimulation();
    await expect(loadLuaTool(sim, { files: { "main.lua": "-- uses 5.3 integer division\nlocal half = 7 // 2\n" } })).rejects.toThrow(
      /main\.lua:2: unexpected symbol near '\/'/,
    );
    const ok = await loadLuaTool(sim, { files: { "main.lua": "answer = 'v' .. 10/2" } });
    expect(ok.vm.getGlobal("answer")).toBe("v5");
    sim.advance(100);
    ok.unload();
  });
});
