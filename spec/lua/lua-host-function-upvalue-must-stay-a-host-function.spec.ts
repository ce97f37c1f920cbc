import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// A host function finds its JS function through the block in its upvalue;
// debug.setupvalue can put another value there. It must then fail as a
// released host function does, never run another host function.
describe("a host function whose upvalue was replaced", () => {
  it("raises instead of running whatever the new upvalue names", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<{ n: number }>({ typeName: "Thing", properties: { n: { get: (t) => t.n } } });
    vm.installGlobals({ greet: () => "hello", thing: () => vm.wrap({ n: 1 }, cls) });
    const [ok, err] = vm.run(`
      local t = thing()
      debug.setupvalue(greet, 1, t)
      return pcall(greet)
    `) as [boolean, string];
    expect(ok).toBe(false);
    expect(err).toMatch(/host function was released/);
    vm.close();
  });
});
