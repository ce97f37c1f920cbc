import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luaFiles } from "../support/lua-files.js";
import { syntheticTool } from "../../bench/lua-frontend.js";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";
import { varargFunctions } from "../../src/lua/frontend/arg-tokens.js";
import { concatEdits } from "../../src/lua/frontend/concat-tokens.js";
import { finishChunk, type VarargFn } from "../../src/lua/frontend/edits.js";
import { translate51 } from "../../src/lua/frontend/index.js";
import { lex51, type Tokens } from "../../src/lua/frontend/lex51.js";
import { transform51 } from "../../src/lua/frontend/transform.js";

// The front end decides which vararg functions get a local `arg` on the
// lexer's tokens (fast) and uses luaparse's tree only when the tokens do
// not settle it; both must produce the same source.
/** The translation when `decide` (a token pass) settles the vararg functions; undefined when it does not. */
function onTokens(src: string, decide: (tk: Tokens) => VarargFn[] | undefined): string | undefined {
  const lexed = lex51(src, true, true);
  if (!lexed.ok) throw new Error(lexed.message);
  const fns = decide(lexed.tokens!);
  const edits = fns && (lexed.hasConcat ? concatEdits(lexed.tokens!) : []);
  return fns && edits ? finishChunk(lexed.source, edits, edits.length > 0, fns) : undefined;
}

/** The recursive descent (arg-tokens.ts). */
const tokenPath = (src: string): string | undefined => onTokens(src, varargFunctions);

/** The lexer's nesting (arg-nest.ts), no tokens stored: undefined when the chunk declares something named arg. */
function lightPath(src: string): string | undefined {
  const lexed = lex51(src, true, false, true);
  if (!lexed.ok) throw new Error(lexed.message);
  if (lexed.varargFns === undefined) return undefined;
  // (the `..` wraps, as the parser path makes them, from the tokens of a second lexing)
  const tokens = lex51(src, true, true);
  const edits = lexed.hasConcat && tokens.ok ? concatEdits(tokens.tokens!) : [];
  return edits && finishChunk(lexed.source, edits, edits.length > 0, lexed.varargFns);
}

/** The chunk declares a local, parameter, loop variable or local function named arg. */
const DECLARES_ARG = /\blocal\s+(function\s+)?arg\b|\blocal\s+\w+\s*,\s*arg\b|\bfor\s+(\w+\s*,\s*)?arg\b|\bfunction\b[^(]*\((\s*\w+\s*,)*\s*arg\b/;

function parserPath(src: string): string | undefined {
  const lexed = lex51(src, true, true);
  if (!lexed.ok) throw new Error(lexed.message);
  const t = transform51(lexed.source, lexed.hasConcat, true);
  return t.ok ? t.source : undefined;
}

describe("Lua 5.1 front end: the token path for arg matches the parser path", () => {
  const decided = [
    "local function f(a, ...) return arg.n, arg[1] end",
    "local function f(...) return arg, select('#', ...) end",
    "local function f(...) local arg = {} return arg end",
    "local function f(arg, ...) return arg end",
    "local function f(...) print(arg) local arg = 1 return arg end",
    "local function f(...) local x, arg = arg, 2 return arg end",
    "local t = {} function t:m(...) return arg.n end function t.a.b(x, ...) return arg end",
    "local function f(...) return function() return arg[2] end end",
    "local function f(...) return function(...) return arg end, function(x) return arg end end",
    "local function f(...) for arg = 1, 2 do print(arg) end for _, arg in ipairs({}) do end return arg end",
    "local function f(...) repeat local arg = 1 until arg end local function g(...) repeat until arg end",
    "local function f(...) do local arg end if arg then elseif arg.n then else end while arg do break end end",
    "local function f(...) local function arg() end return arg end function g(...) function arg() end end",
    "local function f(...) arg = 1 arg.x = 2 t[arg] = arg return t.arg, t:arg(), { arg = 1 } end",
    'local function f(...) return "arg .. ..." .. arg.n .. [[arg]] .. (arg[1]) end -- arg',
    "local function f(a, ... --[[ ) ]] ) return arg end\nlocal function g(...) -- )\nreturn arg end",
    "local function f(...) ; ; local t = { [1] = 2; 3, n = arg.n, } return #arg, -arg.n, not arg end",
    "local function f(...) a.b:c\"s\"{ 1 }(2)[3].d, x = arg, 1 (g)() return end",
    "x = 0x10 + 1e3 + .5 + 5. + 3e-2 local function f(...) return arg end",
    "arg = 'global' local function f(x) return arg end return ...",
    "local function f(...) for i = 1, 2 do if i then goto skip end print(arg) ::skip:: end ::top:: if arg then goto top end end",
    "local function f(...) function arg() end return {arg}, {arg = 1}, {1, arg}, {n = 1; arg = 2}, {[arg] = arg} end",
    "local function f(...) local function g(x) return function(...) return ... end, arg end return g end",
    "local function f(...) return function(a, b) return function(...) return arg, a end end end",
    "function arg(...) return arg end local t = { f = function(...) return { arg } end }",
    "local function f(...) return { arg = 1 }, { x, arg = 2 }, { y; arg = 3 } end", // field names only: no arg
    "local function f(...) goto arg ::arg:: return ... end", // a label only
  ];

  it("on vararg functions naming arg in every kind of scope", () => {
    for (const src of decided) {
      const fast = tokenPath(src);
      expect(fast, src).toBeDefined();
      expect(fast, src).toBe(parserPath(src));
    }
  });

  it("by the nesting alone when nothing named arg is declared, with the same translation", () => {
    let light = 0;
    for (const src of decided) {
      const fast = lightPath(src);
      if (DECLARES_ARG.test(src)) {
        expect(fast, src).toBeUndefined(); // left to the descent
        continue;
      }
      expect(fast, src).toBe(parserPath(src));
      light++;
    }
    expect(light).toBeGreaterThan(12);
  });

  it("leaves to the descent an arg whose role a comment hides from the lexer's nesting, with the same translation", () => {
    const chunks = [
      "local function f(...) return { arg --[[ a key? ]] = 1 } end",
      "local function f(...) return { x, arg -- a value\n } end",
      "local function f(...) ::arg --[[ a label ]] :: goto arg end",
      "local function f(...) ::top:: arg -- the variable\n.n = 1 end",
    ];
    for (const src of chunks) {
      expect(lightPath(src), src).toBeUndefined();
      const t = translate51(src, true, false);
      expect(t.ok && t.source, src).toBe(parserPath(src));
    }
  });

  it("on every fixture Lua file and a synthetic 5,000-line tool using arg", () => {
    let compared = 0;
    for (const f of luaFiles(new URL("../../fixtures", import.meta.url).pathname)) {
      const src = readFileSync(f, "latin1");
      if (!lex51(src, true).ok) continue; // a fixture that is deliberately broken
      const fast = tokenPath(src);
      if (fast === undefined) continue; // decided by luaparse
      expect(fast, f).toBe(parserPath(src));
      const light = lightPath(src);
      if (light !== undefined) expect(light, f).toBe(fast);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    const tool = syntheticTool(5000, true);
    expect(tokenPath(tool)).toBeDefined();
    expect(tokenPath(tool)).toBe(parserPath(tool));
    expect(lightPath(tool)).toBe(parserPath(tool));
  });

  let vm51: LuaVm;
  let vm54: LuaVm;
  beforeAll(async () => {
    vm51 = await createLuaVm();
    vm54 = await createLuaVm({ luaVersion: "5.4" });
  });
  afterAll(() => {
    vm51.close();
    vm54.close();
  });
  /** What loading `src` in `vm` gives: "ok" or the message (load and loadstring read it through the VM's front end, if any). */
  const loadOutcome = (vm: LuaVm, src: string): unknown => vm.run("local f, err = loadstring(...) return f and 'ok' or err", "=probe", src)[0];

  it("leaves to luaparse what the tokens cannot settle, or loads it as Lua reads the untranslated chunk", () => {
    const undecided = [
      "local function f(...) goto skip local x = arg ::skip:: print(x) end", // jumps into the scope of a local
      "local function f(...) do ::out:: end goto out return arg end", // no visible label
      "local function f(...) return arg end break", // no loop to break
      "local function f() return ... end local function g(...) return arg end", // ... outside a vararg function
      "local function f(...) return 0x1p4, arg end", // a numeral the tokens do not vouch for
      "local function f(...) return arg", // syntax error
      "local function f(...) x = 1..2 return arg end", // malformed number
    ];
    for (const src of undecided) {
      expect(tokenPath(src), src).toBeUndefined(); // the descent refuses every one
      const lexed = lex51(src, false);
      const tree = transform51(lexed.ok ? lexed.source : "", lexed.ok && lexed.hasConcat, true);
      const t = translate51(src, false, false);
      if (lightPath(src) === undefined) {
        // Neither token path: luaparse's translation or message, Lua's own message where Lua refuses the chunk too.
        if (tree.ok) expect(t).toEqual(tree);
        else expect(t).toEqual({ ...tree, fallback: lexed.ok ? lexed.source : undefined });
      }
      // Whichever path: loading gives what Lua gives for the untranslated chunk (these need no rewrite to load).
      expect(loadOutcome(vm51, src), src).toBe(loadOutcome(vm54, lexed.ok ? lexed.source : src));
    }
  });
});
