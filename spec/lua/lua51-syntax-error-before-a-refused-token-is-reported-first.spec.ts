import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";

// Lua 5.1 reads a chunk in order: a syntax error before a token its lexer
// refuses (5.2+ syntax, a bad escape, an unfinished string or comment) is
// the error it reports. The front end's own refusal stands only when the
// chunk is sound up to that token.
describe("Lua 5.1 front end: a syntax error before a refused token comes first", () => {
  let vm: LuaVm;
  beforeAll(async () => {
    vm = await createLuaVm();
  });
  afterAll(() => vm.close());
  const message = (src: string): unknown => vm.run("local f, e = loadstring(...) return e", "=probe", src)[0];

  it("reports the earlier syntax error, with its line", () => {
    expect(message("x = = 1\nlocal a <const> = 1")).toBe(`[string "x = = 1..."]:1: unexpected symbol near '='`);
    expect(message("y = 1\nz = ) 2\nw = 3 | 4")).toBe(`[string "y = 1..."]:2: unexpected symbol near ')'`);
    expect(message("t = {\n1,, 2 }\ns = 'open")).toBe(`[string "t = {..."]:2: unexpected symbol near ','`);
    expect(message("if x then\nelse else end\nx = '\\z'")).toBe(`[string "if x then..."]:2: 'end' expected (to close 'if' at line 1) near 'else'`);
  });

  it("keeps the refusal when the chunk is sound up to the refused token, also mid-statement", () => {
    expect(message("local a <const> = 1")).toBe(`[string "local a <const> = 1"]:1: unexpected symbol near '<'`);
    expect(message("local t = { a = 1, b = &")).toBe(`[string "local t = { a = 1, b = &"]:1: unexpected symbol near '&'`);
    expect(message("x = 1\n--[[ open")).toBe(`[string "x = 1..."]:2: unfinished long comment (starting at line 2) near '<eof>'`);
    expect(message("f(\n'\\q' .. 1 & 2)")).toBe(`[string "f(..."]:2: unexpected symbol near '&'`);
  });
});
