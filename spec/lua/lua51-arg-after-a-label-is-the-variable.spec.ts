import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";
import { finishChunk } from "../../src/lua/frontend/edits.js";
import { lex51 } from "../../src/lua/frontend/lex51.js";
import { transform51 } from "../../src/lua/frontend/transform.js";

// A statement that starts with `arg` right after a label (`::top:: arg.x = 1`)
// names the implicit `arg` of the vararg function around it: only the name
// between the two `::` of a label (and after `goto`) is a label's name.
describe("Lua 5.1 front end: arg right after a label is the variable", () => {
  it("gives the vararg function its own arg, not the global", async () => {
    const vm = await createLuaVm();
    expect(vm.run("arg = {} local function f(...)\n::top::\narg.x = 1\nend f() return arg.x")).toEqual([undefined]);
    expect(vm.run("local function f(...) ::retry:: arg[1] = 'changed' end f('a') return 'ran'")).toEqual(["ran"]);
    vm.close();
  });

  it("is decided by the lexer's nesting as luaparse decides it", () => {
    const chunks = [
      "local function f(...) ::top:: arg.x = 1 end",
      "local function f(...) ::a:: arg(1) end",
      "local function f(...) goto a ::a:: arg 's' end",
      "local function f(...) ::a:: ::arg:: arg = 1 goto arg end",
      "local function f(...) ::arg:: goto arg end", // labels only: no arg
    ];
    for (const src of chunks) {
      const lexed = lex51(src, true, false, true);
      if (!lexed.ok) throw new Error(lexed.message);
      const fns = lexed.varargFns;
      const tree = transform51(lexed.source, false, true);
      expect(tree.ok, src).toBe(true);
      expect(fns && finishChunk(lexed.source, [], false, fns), src).toBe(tree.ok ? tree.source : undefined);
    }
  });
});
