import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lex51 } from "../../src/lua/frontend/lex51.js";
import { scan51, setScan51 } from "../../src/lua/frontend/scan51.js";
import { randomLua51Chunks } from "../support/lua51-random-chunks.js";

// lex51 without tokens (what every load runs when C Lua writes 5.1's number
// text) reads a chunk's characters in wasm (scan51.wat). Whatever the
// chunk, its result is the JavaScript lexer's, field for field: the source
// (strings re-encoded, a shebang line commented), whether it holds `..` and
// `arg`, the vararg functions the arg nesting settled, and any refusal with
// its line, message and prefix (the scan gives those up to JavaScript).
const SEED = 2112;

/** lex51's result with the wasm scan on and with it off, and whether the scan read the chunk to its end. */
function bothWays(src: string, shebang: boolean, nest: boolean): { scan: string; js: string; scanned: boolean } {
  setScan51(false);
  const js = JSON.stringify(lex51(src, shebang, false, nest));
  setScan51(true);
  const scanned = scan51(src, 0) !== undefined;
  const scan = JSON.stringify(lex51(src, shebang, false, nest));
  return { scan, js, scanned };
}

/** Pieces that matter to the lexer: every token class, comments and long brackets, escapes good and bad, 5.2+ syntax, line breaks, chars past 127 and 255. */
const PIECES = [
  "arg", "arg", "local ", "for ", "function ", "function(", "end", " do ", "if ", "repeat ", "until ", "return ", "goto ", "in ",
  "(", ")", "{", "}", ",", ";", "...", "..", ".", ":", "::", "=", "==", "<", "<=", "<<", ">", ">=", ">>", "~=", "~", "/", "//",
  "&", "|", "-", "--", "--[[", "--[==[", "[[", "[=[", "]]", "]=]", "]", "[", '"', "'", "\\", "\\n", "\\z", "\\u{", "\\x4",
  "\\300", "\\12", "\\\n", "\n", "\r", "\r\n", " ", "\t", "0x1e+", "1e-", "3.", ".5", "0xp-", "x", "t.arg", "t:arg", "#!",
  "é", "\u4e2d", "\u0100", "<const>", "#", "%", "^", "@", "\0", "elseif", "functions", "ends", "nil", "_G",
];

afterEach(() => void setScan51(true));

describe("lex51 with its character loop in wasm", () => {
  it(`gives the JavaScript lexer's result on random runs of lexer pieces (seed ${SEED})`, () => {
    console.log("lua51 wasm scan pieces seed", SEED);
    let scanned = 0;
    let ok = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (pieces, shebang, nest) => {
        const r = bothWays(pieces.join(""), shebang, nest);
        expect(r.scan).toBe(r.js);
        if (r.scanned) scanned++;
        if (r.js.startsWith('{"ok":true')) ok++;
      }),
      { seed: SEED, numRuns: 20_000 },
    );
    // Both paths ran: most chunks the JavaScript lexer accepts are read by the scan to their end.
    expect(ok).toBeGreaterThan(3_000);
    expect(scanned).toBeGreaterThan(ok * 0.8);
  });

  it("gives the JavaScript lexer's result on random 5.1 chunks and on every Lua file of the repository", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".lua")) files.push(p);
      }
    };
    walk(new URL("../../fixtures", import.meta.url).pathname);
    walk(new URL("../../src", import.meta.url).pathname);
    const chunks = [...files.map((f) => readFileSync(f, "latin1")), ...randomLua51Chunks(SEED, 1000, 0.05)];
    let scanned = 0;
    for (const src of chunks) {
      for (const nest of [false, true]) {
        const r = bothWays(src, true, nest);
        expect(r.scan, src.slice(0, 200)).toBe(r.js);
        if (r.scanned) scanned++;
      }
    }
    expect(files.length).toBeGreaterThan(20);
    expect(scanned).toBeGreaterThan(chunks.length * 2 * 0.9);
  });
});
