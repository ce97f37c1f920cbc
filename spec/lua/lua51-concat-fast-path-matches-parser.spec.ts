import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { luaFiles } from "../support/lua-files.js";
import { syntheticTool } from "../../bench/lua-frontend.js";
import { wrapConcatOperands } from "../../src/lua/frontend/concat-tokens.js";
import { lex51 } from "../../src/lua/frontend/lex51.js";
import { transform51 } from "../../src/lua/frontend/transform.js";

// The front end finds the operands of `..` on the lexer's tokens (fast) and
// falls back to luaparse's tree; both must produce the same source.
function bothWays(src: string): [string | undefined, string] | undefined {
  const lexed = lex51(src, true, true);
  const tree = lexed.ok ? transform51(lexed.source, true, false) : undefined;
  if (!lexed.ok || !tree?.ok) return undefined; // a fixture that is deliberately broken
  return [wrapConcatOperands(lexed.source, lexed.tokens!), tree.source];
}

describe("Lua 5.1 front end: the token path for .. matches the parser path", () => {
  const expressions = [
    'x = a .. b .. "c" .. 1 .. 1.5 .. -d .. #t .. f(x) .. t.k .. t[i] .. o:m(1) .. o:m"s" .. o:m{1}',
    'x = a + b * c .. d ^ e - f .. (g .. h) .. (i == j .. k) .. (l or m .. n)',
    'x = tostring(a) .. string.format("%d", b) .. s:sub(1, 2) .. s:upper() .. t.format(1) .. string.len(s)',
    'x = f(a .. b)(c) .. g[d .. e] .. { a .. b } .. function() return a .. b end',
    'x = not a .. b, - - a .. b, a - -b .. c',
    'print("v=" .. v .. "\\n") f(a..b, c..d) return a .. (b) .. ((c))',
    'local s = ("%d"):format(3) .. ("x"):rep(2) .. [[long]] .. 0x10 .. 123456789012345 .. ...',
    'if a .. b == c then x = d .. e elseif f .. g then repeat y = h .. i until j .. k end',
  ];
  it("on tricky expressions", () => {
    for (const e of expressions) {
      const [fast, tree] = bothWays(e)!;
      expect(fast, e).toBe(tree);
    }
  });

  it("on every fixture Lua file and a synthetic 5,000-line tool", () => {
    const files = luaFiles(new URL("../../fixtures", import.meta.url).pathname);
    let compared = 0;
    for (const f of files) {
      const src = readFileSync(f, "latin1");
      const both = bothWays(src);
      if (!both) continue;
      expect(both[0], f).toBe(both[1]);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    const [fast, tree] = bothWays(syntheticTool(5000))!;
    expect(fast).toBe(tree);
  });
});
