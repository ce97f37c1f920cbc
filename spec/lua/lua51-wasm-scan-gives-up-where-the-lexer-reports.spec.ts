import { afterEach, describe, expect, it } from "vitest";
import { lex51 } from "../../src/lua/frontend/lex51.js";
import { SCAN_MAX_CHARS, scan51, setScan51 } from "../../src/lua/frontend/scan51.js";

// The wasm scan counts no lines and makes no message: where the lexer
// refuses a chunk, the scan gives it up and the JavaScript lexer reads it
// and reports, at the right line. It has room for an event per character
// (no chunk has more), and leaves chunks above SCAN_MAX_CHARS to
// JavaScript, which lexes them as without the scan.
afterEach(() => void setScan51(true));

function jsLex(src: string): ReturnType<typeof lex51> {
  setScan51(false);
  const r = lex51(src, false, false, true);
  setScan51(true);
  return r;
}

describe("the wasm scan", () => {
  it.each([
    ["an unfinished string", 'local a = 1\nlocal s = "abc\nreturn s', "unfinished string"],
    ["an unfinished long string", "local a = 1\n\nlocal s = [==[ abc ]=]", "unfinished long string"],
    ["an unfinished long comment", "--[[ a\nb\n", "unfinished long comment"],
    ["5.3's integer division", "local a = 1\nreturn a // 2", "unexpected symbol near '/'"],
    ["a bitwise operator", "return 1 & 2", "unexpected symbol near '&'"],
    ["a <const> attribute", "local\nx <const> = 1", "unexpected symbol near '<'"],
    ["a \\z escape", 'return "a\\z b"', "invalid escape sequence"],
  ])("gives up %s, and lex51 reports it as without the scan", (_name, src, message) => {
    expect(scan51(src, 0)).toBeUndefined();
    const r = lex51(src, false, false, true);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    expect(r).toEqual(jsLex(src));
  });

  it("reports a string with escapes for JavaScript to decode, which refuses a decimal escape above 255", () => {
    const src = 'local a\nreturn "\\256"';
    expect(scan51(src, 0)?.count).toBe(1);
    const r = lex51(src, false, false, true);
    expect(r.ok === false && r.line === 2 && r.message).toContain("escape sequence too large");
    expect(r).toEqual(jsLex(src));
  });

  it("reads a chunk with escapes, long brackets and comments to its end", () => {
    const src = 'local s = "a\\tb\\65\\x41\\\n" --[==[ ]] ]==] .. [[x]] -- arg\nfunction f(...) return arg end';
    expect(scan51(src, 0)).toBeDefined();
    const r = lex51(src, false, false, true);
    expect(r).toEqual(jsLex(src));
    expect(r.ok && r.source).toContain('"a\\009bAA\\\n"');
  });

  it("has room for an event per character: a chunk of nothing but braces is read to its end", () => {
    const src = "{".repeat(3000) + "}".repeat(3000);
    expect(scan51(src, 0)?.count).toBe(6000);
    expect(lex51("local t = " + src, false, false, true)).toEqual(jsLex("local t = " + src));
  });

  it("leaves a chunk above SCAN_MAX_CHARS to JavaScript", () => {
    const src = "local a = 1 -- " + "x".repeat(SCAN_MAX_CHARS) + "\nreturn a";
    expect(scan51(src, 0)).toBeUndefined();
    const r = lex51(src, false, false, true);
    expect(r.ok && r.source).toBe(src);
  });
});
