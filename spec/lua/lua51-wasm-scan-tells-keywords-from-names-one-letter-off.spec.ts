import { afterEach, describe, expect, it } from "vitest";
import { lex51 } from "../../src/lua/frontend/lex51.js";
import { scan51, setScan51 } from "../../src/lua/frontend/scan51.js";

// The wasm scan tells a keyword from a name by comparing up to eight code
// units at once (two 64-bit words masked to the name's length): a name one
// letter off a keyword (any letter changed, one more, one fewer) is a name
// there as in the JavaScript lexer, whose result lex51 gives with the scan
// on. Each word stands where the `arg` nesting shows what it was read as.
afterEach(() => void setScan51(true));

const KEYWORDS = [
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in", "local", "nil", "not", "or",
  "repeat", "return", "then", "true", "until", "while", "arg",
];
const NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";

/** Every name one letter off `w`: each letter replaced by every name char, one char added, the last taken away. */
function lookAlikes(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) for (const ch of NAME_CHARS) out.push(w.slice(0, i) + ch + w.slice(i + 1));
  for (const ch of NAME_CHARS) out.push(w + ch);
  out.push(w.slice(0, -1));
  return out.filter((x) => x.length > 0);
}

/** Places where a keyword and a name lex differently for the nesting, the `local` list or the refusals. */
const CONTEXTS = [
  (w: string) => `local f = function(...) ${w} x(...) return arg end`,
  (w: string) => `function g(...) ${w} arg end end`,
  (w: string) => `local ${w} <c> = 1`,
  (w: string) => `for ${w}, arg in p do end`,
];

function lexBothWays(src: string): [string, string] {
  setScan51(false);
  const js = JSON.stringify(lex51(src, false, false, true));
  setScan51(true);
  return [JSON.stringify(lex51(src, false, false, true)), js];
}

describe("the wasm scan", () => {
  it("reads every name one letter off a keyword as the JavaScript lexer does", () => {
    let scanned = 0;
    let checked = 0;
    for (const w of KEYWORDS) {
      for (const name of [w, ...lookAlikes(w)]) {
        for (const context of CONTEXTS) {
          const src = context(name);
          const [scan, js] = lexBothWays(src);
          expect(scan, src).toBe(js);
          checked++;
          if (scan51(src, 0) !== undefined) scanned++;
        }
      }
    }
    // The scan read most of them to their end (the `<c>` ones it gives up with the lexer).
    expect(checked).toBeGreaterThan(25_000);
    expect(scanned).toBeGreaterThan(checked * 0.7);
  });
});
