import { expect, it } from "vitest";
import { finishChunk } from "../../src/lua/frontend/edits.js";
import { lex51 } from "../../src/lua/frontend/lex51.js";
import { transform51 } from "../../src/lua/frontend/transform.js";
import { randomLua51Chunks } from "../support/lua51-random-chunks.js";

const SEED = 1515;

// The lexer's nesting (arg-nest.ts) settles the implicit-arg rewrite of most
// chunks; where it does, its translation is luaparse's, on random chunks
// naming arg in every role (variable, field, label, function name...).
it("the lexer's arg nesting gives luaparse's translation on random chunks it decides", () => {
  console.log("lua51 random chunks seed", SEED);
  let decided = 0;
  for (const src of randomLua51Chunks(SEED, 1500, 0.05)) {
    const lexed = lex51(src, true, false, true);
    if (!lexed.ok) continue;
    const tree = transform51(lexed.source, false, true);
    if (!tree.ok) continue; // not Lua 5.1 (the generator makes some)
    const fns = lexed.varargFns;
    if (fns === undefined) continue; // declares arg: left to the descent
    expect(finishChunk(lexed.source, [], false, fns), src).toBe(tree.source);
    decided++;
  }
  expect(decided).toBeGreaterThan(800);
});
