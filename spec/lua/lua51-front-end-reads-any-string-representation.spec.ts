import { describe, expect, it } from "vitest";
import { clearFrontEndCache, translate51 } from "../../src/lua/frontend/index.js";

// The lexer copies a chunk's char codes once and reads them from the copy:
// a chunk built by concatenation (the usual case for strings made in tests
// or by a tool), a slice of a larger string and a flat string read from a
// file all translate to the same source, char for char.
function representations(chunk: string): string[] {
  const half = chunk.length >> 1;
  const cons = chunk.slice(0, half) + chunk.slice(half); // a cons string (both halves are long)
  const sliced = ("-- a prefix long enough for a sliced string\n" + chunk).slice(44);
  const flat = chunk.split("").join("");
  return [chunk, cons, sliced, flat];
}

function translations(chunk: string, file: boolean): string[] {
  return representations(chunk).map((s) => {
    clearFrontEndCache();
    return JSON.stringify(translate51(s, file));
  });
}

describe("Lua 5.1 front end: reads every string representation the same", () => {
  const body = [
    "local M = {}",
    'function M.f(msg, ...) local s = "a\\tb\\65\\x41" .. msg .. 1.5 .. #arg return s .. arg.n end',
    "function M.g(x) return x .. 'y' .. (x + 1) end -- a comment .. arg",
    "--[==[ a long comment ]] with .. inside ]==] local t = [[a long string]] .. M.f(1)",
  ].join("\n");

  it("translates a chunk given as a flat, a concatenated and a sliced string identically", () => {
    const lines = "#!/usr/bin/lua\n" + Array.from({ length: 40 }, () => body).join("\n") + "\nreturn M";
    for (const file of [true, false]) {
      const [first, ...rest] = translations(file ? lines : lines.slice(lines.indexOf("\n")), file);
      expect(first).toContain("__rsim_s(");
      expect(first).toContain("local arg = __rsim_pack(...)");
      for (const t of rest) expect(t).toBe(first);
    }
  });

  it("gives the same error for a chunk with a lexical error at its very end, in every representation", () => {
    const [first, ...rest] = translations(body + "\nx = 'unfinished", false);
    expect(first).toContain("unfinished string");
    for (const t of rest) expect(t).toBe(first);
  });

  it("reads a char above 0xFF as itself, not as its low byte", () => {
    // U+012D's low byte is '-': read as a byte, the two would start a comment hiding `.. w`.
    expect(translate51("return z \u012D\u012D .. w", false).ok).toBe(false);
    expect(translate51("return z -- .. w", false)).toEqual({ ok: true, source: "return z -- .. w" });
  });
});
