import { afterEach, expect, it } from "vitest";
import { clearCompileCache, compiledChunk, keepCompiledChunk } from "../../src/lua/compile-cache.js";

// The compile cache keeps at most 64 MiB of text and bytecode, dropping the
// oldest texts first but never the one just kept. A text kept before under
// one chunkname and now under another is the oldest: the texts after it go
// (the cap holds) instead of the eviction stopping at it.
afterEach(() => clearCompileCache());

it("drops newer texts to stay under its cap when the oldest text is kept under a second name", () => {
  clearCompileCache();
  const MiB = 1024 * 1024;
  const small = "-- compile-cache cap spec\nreturn 1";
  keepCompiledChunk(small, "@a.lua", "\x1bLua a");
  const big = "x".repeat(40 * MiB);
  keepCompiledChunk(big, "@big.lua", "\x1bLua big");
  keepCompiledChunk(small, "@b.lua", "y".repeat(30 * MiB)); // 70 MiB kept now: the big text must go
  expect(compiledChunk(big, "@big.lua")).toBeUndefined();
  expect(compiledChunk(small, "@a.lua")).toBe("\x1bLua a");
  expect(compiledChunk(small, "@b.lua")?.length).toBe(30 * MiB);
});
