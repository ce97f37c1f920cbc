/**
 * The lexical half of the Lua 5.1 front end: scans a chunk (a byte string)
 * the way Lua 5.1 does and rewrites what 5.4 would read differently, keeping
 * every line where it was.
 *
 * - Short strings are decoded with 5.1's escapes (a backslash before any
 *   other character is that character; `\ddd` decimal; `\xXX` hex as in
 *   LuaJIT) and re-encoded so 5.4 reads the same bytes.
 * - Syntax only 5.2+ accepts is refused with Lua's message shape:
 *   `//`, `&`, `|`, `~` (not `~=`), `<<`, `>>`, `<const>`/`<close>`
 *   attributes, `\z` and `\u{...}` escapes.
 * - A first line starting with `#` (shebang) becomes a comment when asked.
 *
 * It also notes whether the chunk contains `..` or the name `arg`, so the
 * grammar pass (transform.ts) can be skipped when neither occurs.
 *
 * @internal
 */

import * as K from "./tokens.js";
import type { Tokens } from "./tokens.js";

export type { Tokens } from "./tokens.js";

/** Result of {@link lex51}. */
export type Lex51Result =
  | { ok: true; source: string; hasConcat: boolean; hasArg: boolean; tokens: Tokens | undefined }
  | { ok: false; line: number; message: string };

const C = {
  NL: 10,
  CR: 13,
  QUOTE: 34,
  BACKSLASH: 92,
  EQ: 61,
};

const SIMPLE_ESCAPES: Record<number, number> = {
  97: 7, // a
  98: 8, // b
  102: 12, // f
  110: 10, // n
  114: 13, // r
  116: 9, // t
  118: 11, // v
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

/** 1 for the characters of names (and numerals), by char code (a table beats the range tests). */
const NAME_CHAR = new Uint8Array(65536);
for (let c = 0; c < 128; c++) if (isNameChar(c)) NAME_CHAR[c] = 1;

/** Shows a token the way Lua's messages do (`near '...'`), bytes kept. */
function near(s: string): string {
  return `near '${s}'`;
}

/** Token code of the name src[s, s + len): a keyword's code or NAME (char codes compared inline). */
function wordCode(src: string, s: number, len: number): number {
  if (len < 2 || len > 8) return K.NAME;
  switch (src.charCodeAt(s)) {
    case 97: // a
      if (len === 3 && src.charCodeAt(s + 1) === 110 && src.charCodeAt(s + 2) === 100) return K.AND;
      return K.NAME;
    case 98: // b
      if (len === 5 && src.charCodeAt(s + 1) === 114 && src.charCodeAt(s + 2) === 101 && src.charCodeAt(s + 3) === 97 && src.charCodeAt(s + 4) === 107) return K.BREAK;
      return K.NAME;
    case 100: // d
      if (len === 2 && src.charCodeAt(s + 1) === 111) return K.DO;
      return K.NAME;
    case 101: // e
      if (len === 3 && src.charCodeAt(s + 1) === 110 && src.charCodeAt(s + 2) === 100) return K.END;
      if (len === 4 && src.charCodeAt(s + 1) === 108 && src.charCodeAt(s + 2) === 115 && src.charCodeAt(s + 3) === 101) return K.ELSE;
      if (len === 6 && src.charCodeAt(s + 1) === 108 && src.charCodeAt(s + 2) === 115 && src.charCodeAt(s + 3) === 101 && src.charCodeAt(s + 4) === 105 && src.charCodeAt(s + 5) === 102) return K.ELSEIF;
      return K.NAME;
    case 102: // f
      if (len === 3 && src.charCodeAt(s + 1) === 111 && src.charCodeAt(s + 2) === 114) return K.FOR;
      if (len === 5 && src.charCodeAt(s + 1) === 97 && src.charCodeAt(s + 2) === 108 && src.charCodeAt(s + 3) === 115 && src.charCodeAt(s + 4) === 101) return K.FALSE;
      if (len === 8 && src.charCodeAt(s + 1) === 117 && src.charCodeAt(s + 2) === 110 && src.charCodeAt(s + 3) === 99 && src.charCodeAt(s + 4) === 116 && src.charCodeAt(s + 5) === 105 && src.charCodeAt(s + 6) === 111 && src.charCodeAt(s + 7) === 110) return K.FUNCTION;
      return K.NAME;
    case 103: // g
      if (len === 4 && src.charCodeAt(s + 1) === 111 && src.charCodeAt(s + 2) === 116 && src.charCodeAt(s + 3) === 111) return K.GOTO;
      return K.NAME;
    case 105: // i
      if (len === 2 && src.charCodeAt(s + 1) === 102) return K.IF;
      if (len === 2 && src.charCodeAt(s + 1) === 110) return K.IN;
      return K.NAME;
    case 108: // l
      if (len === 5 && src.charCodeAt(s + 1) === 111 && src.charCodeAt(s + 2) === 99 && src.charCodeAt(s + 3) === 97 && src.charCodeAt(s + 4) === 108) return K.LOCAL;
      return K.NAME;
    case 110: // n
      if (len === 3 && src.charCodeAt(s + 1) === 105 && src.charCodeAt(s + 2) === 108) return K.NIL;
      if (len === 3 && src.charCodeAt(s + 1) === 111 && src.charCodeAt(s + 2) === 116) return K.NOT;
      return K.NAME;
    case 111: // o
      if (len === 2 && src.charCodeAt(s + 1) === 114) return K.OR;
      return K.NAME;
    case 114: // r
      if (len === 6 && src.charCodeAt(s + 1) === 101 && src.charCodeAt(s + 2) === 112 && src.charCodeAt(s + 3) === 101 && src.charCodeAt(s + 4) === 97 && src.charCodeAt(s + 5) === 116) return K.REPEAT;
      if (len === 6 && src.charCodeAt(s + 1) === 101 && src.charCodeAt(s + 2) === 116 && src.charCodeAt(s + 3) === 117 && src.charCodeAt(s + 4) === 114 && src.charCodeAt(s + 5) === 110) return K.RETURN;
      return K.NAME;
    case 116: // t
      if (len === 4 && src.charCodeAt(s + 1) === 104 && src.charCodeAt(s + 2) === 101 && src.charCodeAt(s + 3) === 110) return K.THEN;
      if (len === 4 && src.charCodeAt(s + 1) === 114 && src.charCodeAt(s + 2) === 117 && src.charCodeAt(s + 3) === 101) return K.TRUE;
      return K.NAME;
    case 117: // u
      if (len === 5 && src.charCodeAt(s + 1) === 110 && src.charCodeAt(s + 2) === 116 && src.charCodeAt(s + 3) === 105 && src.charCodeAt(s + 4) === 108) return K.UNTIL;
      return K.NAME;
    case 119: // w
      if (len === 5 && src.charCodeAt(s + 1) === 104 && src.charCodeAt(s + 2) === 105 && src.charCodeAt(s + 3) === 108 && src.charCodeAt(s + 4) === 101) return K.WHILE;
      return K.NAME;
    default:
      return K.NAME;
  }
}

/** Index of the next `ch` from `from`, or the length of `src` when there is none. */
function nextOf(src: string, ch: string, from: number): number {
  const k = src.indexOf(ch, from);
  return k < 0 ? src.length : k;
}

/** Level of a long bracket at `at` (`[==[` → 2), or -1. */
function longLevel(src: string, at: number): number {
  let j = at + 1;
  while (src.charCodeAt(j) === C.EQ) j++;
  return src.charCodeAt(j) === src.charCodeAt(at) ? j - at - 1 : -1;
}

/** Line breaks crossed by the last {@link skipLong}. */
let longLines = 0;

/**
 * Skips a long string/comment whose opening bracket (of `level`) starts at
 * i: the index after its closing bracket, or -1 when it is unfinished.
 */
function skipLong(src: string, i: number, level: number): number {
  const n = src.length;
  let lines = 0;
  i += level + 2;
  for (;;) {
    if (i >= n) {
      longLines = lines;
      return -1;
    }
    const c = src.charCodeAt(i);
    if (c === 93 && longLevel(src, i) === level) {
      longLines = lines;
      return i + level + 2;
    }
    if (c === C.NL || c === C.CR) {
      const d = ++i < n ? src.charCodeAt(i) : 0;
      if ((d === C.NL || d === C.CR) && d !== c) i++;
      lines++;
    } else i++;
  }
}

/** Outcome of {@link escapedString}. */
interface EscapedString {
  /** Index after the closing quote (when no error). */
  i: number;
  line: number;
  error: string | undefined;
  /** The string re-encoded for 5.4. */
  text: string;
}

/**
 * Reads a short string starting at `start` (the quote) that contains a
 * backslash, decoding 5.1's escapes; `line` is the line of the quote.
 */
function escapedString(src: string, start: number, line: number): EscapedString {
  const n = src.length;
  const r: EscapedString = { i: start, line, error: undefined, text: "" };
  let i = start;
  const fail = (message: string): EscapedString => {
    r.error = message;
    r.line = line;
    return r;
  };
  const quote = src.charCodeAt(i++);
  const bytes: number[] = [];
  let plainFrom = i;
  for (;;) {
    if (i >= n) return fail(`unfinished string ${near(src.slice(start, i))}`);
    const c = src.charCodeAt(i);
    if (c === quote) break;
    if (c === C.NL || c === C.CR) return fail(`unfinished string ${near(src.slice(start, i))}`);
    if (c !== C.BACKSLASH) {
      i++;
      continue;
    }
    for (let k = plainFrom; k < i; k++) bytes.push(src.charCodeAt(k));
    i++; // the backslash
    const e = src.charCodeAt(i);
    if (i >= n) return fail(`unfinished string ${near(src.slice(start, i))}`);
    if (e in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[e]!);
      i++;
    } else if (e === C.NL || e === C.CR) {
      bytes.push(-1); // a line break written as backslash-newline (kept as such)
      const d = src.charCodeAt(++i);
      if ((d === C.NL || d === C.CR) && d !== e) i++;
      line++;
    } else if (isDigit(e)) {
      let v = 0;
      let k = 0;
      while (k < 3 && isDigit(src.charCodeAt(i))) {
        v = v * 10 + src.charCodeAt(i) - 48;
        i++;
        k++;
      }
      if (v > 255) return fail(`escape sequence too large ${near(src.slice(start, i))}`);
      bytes.push(v);
    } else if (e === 120 /* x */ && isHex(src.charCodeAt(i + 1)) && isHex(src.charCodeAt(i + 2))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 3;
    } else if (e === 122 /* z */ || (e === 117 /* u */ && src.charCodeAt(i + 1) === 123 /* { */)) {
      return fail(`invalid escape sequence ${near(src.slice(start, i + 1))}`);
    } else {
      bytes.push(e); // Lua 5.1: a backslash before any other character is that character
      i++;
    }
    plainFrom = i;
  }
  i++; // closing quote
  for (let k = plainFrom; k < i - 1; k++) bytes.push(src.charCodeAt(k));
  r.i = i;
  r.line = line;
  r.text = encode54(bytes, src, start);
  return r;
}

/**
 * Lexes `src` as Lua 5.1 (plus LuaJIT's `goto`/labels and `\x` escapes)
 * and returns the 5.4-ready source, or the first lexical error.
 */
export function lex51(src: string, skipShebang: boolean, wantTokens = false): Lex51Result {
  const n = src.length;
  // Room for the tokens of typical code (about one per 3.5 characters) from the start.
  if (wantTokens && scratchKind.length < (n >> 1) + 64) growScratch((n >> 1) + 64);
  let kind = scratchKind;
  let tStart = scratchStart;
  let tEnd = scratchEnd;
  let cap = wantTokens ? kind.length : 0;
  let nt = 0;
  let out = "";
  let copied = 0; // src[copied..i) not yet appended to out
  let shift = 0; // out.length - copied: where src[i] lands in the output is i + shift
  let i = 0;
  let line = 1;
  let hasConcat = false;
  let hasArg = false;
  let gotos = false; // a `goto` or a label
  let afterDot = false; // the previous token was '.' or ':'

  // Tiny state machine to spot `local a, b <attrib>`: 0 idle, 1 after `local`,
  // 2 after a name of the list, 3 after a comma of the list.
  let localState = 0;

  // Where the next line feed and carriage return are (n: none), once looked up (for line comments).
  let nextNL = -1;
  let nextCR = -1;

  const fail = (message: string, at: number): Lex51Result => ({ ok: false, line: at, message });

  if (skipShebang && src.charCodeAt(0) === 35 /* # */) {
    out = "--";
    shift = 2;
    while (i < n && src.charCodeAt(i) !== C.NL && src.charCodeAt(i) !== C.CR) i++;
  }

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === C.NL || c === C.CR) {
      // (no read past the end: an out-of-bounds charCodeAt deoptimizes the lexer at every chunk's last line break)
      const d = ++i < n ? src.charCodeAt(i) : 0;
      if ((d === C.NL || d === C.CR) && d !== c) i++;
      line++;
      continue;
    }
    if (c === 45 /* - */ && src.charCodeAt(i + 1) === 45) {
      i += 2;
      if (src.charCodeAt(i) === 91 /* [ */) {
        const level = longLevel(src, i);
        if (level >= 0) {
          i = skipLong(src, i, level);
          line += longLines;
          if (i < 0) return fail(`unfinished long comment (starting at line ${line - longLines}) ${near("<eof>")}`, line);
          continue;
        }
      }
      if (nextNL < i) nextNL = nextOf(src, "\n", i);
      if (nextCR < i) nextCR = nextOf(src, "\r", i);
      i = nextNL < nextCR ? nextNL : nextCR;
      continue;
    }
    const prevLocal = localState;
    localState = 0;
    const s0 = i;
    const ts = i + shift;
    let k: number;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      while (++i < n && NAME_CHAR[src.charCodeAt(i)] === 1);
      k = wordCode(src, s0, i - s0);
      if (k === K.NAME) {
        // `arg`, not as a field name (t.arg, t:arg)
        if (i - s0 === 3 && c === 97 && src.charCodeAt(s0 + 1) === 114 && src.charCodeAt(s0 + 2) === 103 && !afterDot) {
          hasArg = true;
        }
        if (prevLocal === 1 || prevLocal === 3) localState = 2;
      } else {
        if (k === K.LOCAL) localState = 1;
        else if (k !== K.FUNCTION && (prevLocal === 1 || prevLocal === 3)) localState = 2;
        if (k === K.GOTO) gotos = true;
      }
    } else if ((c >= 48 && c <= 57) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      // Numerals: digits, dots, letters (hex, exponents), exponent signs.
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (NAME_CHAR[d] === 1 || d === 46) i++;
        else if (d === 43 || d === 45) {
          const p = src.charCodeAt(i - 1);
          if (p === 101 || p === 69 || p === 112 || p === 80) i++;
          else break;
        } else break;
      }
      k = K.NUMBER;
    } else {
      switch (c) {
        case 34: // "
        case 39: {
          // '
          k = K.STRING;
          let j = i + 1;
          for (;;) {
            if (j >= n) return fail(`unfinished string ${near(src.slice(s0, j))}`, line);
            const d = src.charCodeAt(j);
            if (d === c) {
              i = j + 1;
              break;
            }
            if (d === C.NL || d === C.CR) return fail(`unfinished string ${near(src.slice(s0, j))}`, line);
            if (d === C.BACKSLASH) {
              const r = escapedString(src, s0, line);
              if (r.error !== undefined) return fail(r.error, r.line);
              line = r.line;
              i = r.i;
              out += src.slice(copied, s0) + r.text;
              copied = i;
              shift = out.length - copied;
              break;
            }
            j++;
          }
          break;
        }
        case 91: {
          // [
          const level = longLevel(src, i);
          if (level >= 0) {
            i = skipLong(src, i, level);
            line += longLines;
            if (i < 0) return fail(`unfinished long string (starting at line ${line - longLines}) ${near("<eof>")}`, line);
            k = K.STRING;
          } else {
            i++;
            k = K.LBRACKET;
          }
          break;
        }
        case 46: // .
          if (src.charCodeAt(i + 1) === 46) {
            if (src.charCodeAt(i + 2) === 46) {
              i += 3;
              k = K.VARARG;
            } else {
              hasConcat = true;
              k = K.CONCAT;
              i += 2;
            }
          } else {
            i++;
            k = K.DOT;
          }
          break;
        case 44: // ,
          if (prevLocal === 2) localState = 3;
          i++;
          k = K.COMMA;
          break;
        case 47: // /
          if (src.charCodeAt(i + 1) === 47) return fail(`unexpected symbol ${near("/")}`, line);
          i++;
          k = K.SLASH;
          break;
        case 38: // &
        case 124: // |
          return fail(`unexpected symbol ${near(src[i]!)}`, line);
        case 126: // ~
          if (src.charCodeAt(i + 1) !== C.EQ) return fail(`unexpected symbol ${near("~")}`, line);
          i += 2;
          k = K.NE;
          break;
        case 60: // <
          if (prevLocal === 2 || src.charCodeAt(i + 1) === 60) return fail(`unexpected symbol ${near("<")}`, line);
          if (src.charCodeAt(i + 1) === C.EQ) {
            i += 2;
            k = K.LE;
          } else {
            i++;
            k = K.LT;
          }
          break;
        case 62: // >
          if (src.charCodeAt(i + 1) === 62) return fail(`unexpected symbol ${near(">")}`, line);
          if (src.charCodeAt(i + 1) === C.EQ) {
            i += 2;
            k = K.GE;
          } else {
            i++;
            k = K.GT;
          }
          break;
        case 61: // =
          if (src.charCodeAt(i + 1) === C.EQ) {
            i += 2;
            k = K.EQ;
          } else {
            i++;
            k = K.ASSIGN;
          }
          break;
        case 58: // ':' or '::'
          if (src.charCodeAt(i + 1) === 58) {
            i += 2;
            k = K.DBCOLON;
            gotos = true;
          } else {
            i++;
            k = K.COLON;
          }
          break;
        default:
          i++;
          k = SINGLE[c] ?? K.OTHER;
      }
    }
    afterDot = k === K.DOT || k === K.COLON;
    if (wantTokens) {
      if (nt === cap) {
        growScratch(cap * 2);
        kind = scratchKind;
        tStart = scratchStart;
        tEnd = scratchEnd;
        cap = kind.length;
      }
      kind[nt] = k;
      tStart[nt] = ts;
      tEnd[nt] = i + shift;
      nt++;
    }
  }
  const source = copied === 0 && out === "" ? src : out + src.slice(copied);
  const tokens: Tokens | undefined = wantTokens
    ? { n: nt, kind: kind.subarray(0, nt), start: tStart.subarray(0, nt), end: tEnd.subarray(0, nt), source, gotos }
    : undefined;
  // Arrays grown for a very large chunk are not kept (the tokens returned still hold them).
  if (scratchKind.length > SCRATCH_KEEP) growScratch(0);
  return { ok: true, source, hasConcat, hasArg, tokens };
}

/** Codes of the one-character tokens not handled above. */
const SINGLE: Record<number, number> = {
  43: K.PLUS,
  45: K.MINUS,
  42: K.STAR,
  37: K.PERCENT,
  94: K.CARET,
  35: K.HASH,
  40: K.LPAREN,
  41: K.RPAREN,
  123: K.LBRACE,
  125: K.RBRACE,
  93: K.RBRACKET,
  59: K.SEMI,
};

/*
 * Token arrays, reused from call to call: fresh large typed arrays cost
 * page faults on first touch (the lexer's main cost when it allocated them
 * per chunk). A chunk's tokens are therefore valid until the next lex51
 * call that asks for tokens.
 */
let scratchKind = new Uint8Array(0);
let scratchStart = new Int32Array(0);
let scratchEnd = new Int32Array(0);

/** Token arrays at most this long are kept for the next chunk (9 bytes an entry). */
const SCRATCH_KEEP = 1 << 20;

/** Grows the token arrays to `cap` entries, keeping their content (0: drops them). */
function growScratch(cap: number): void {
  const k = new Uint8Array(cap);
  const s = new Int32Array(cap);
  const e = new Int32Array(cap);
  if (cap > 0) {
    k.set(scratchKind);
    s.set(scratchStart);
    e.set(scratchEnd);
  }
  scratchKind = k;
  scratchStart = s;
  scratchEnd = e;
}

/**
 * A 5.4 short-string literal for `bytes` (-1 = a backslash-newline taken
 * from the original, reproduced from `src` so lines stay where they were).
 */
function encode54(bytes: number[], src: string, start: number): string {
  // Reproduce each backslash-newline with the same line-break characters.
  const breaks: string[] = [];
  for (let k = start; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === C.BACKSLASH) {
      const d = src.charCodeAt(k + 1);
      if (d === C.NL || d === C.CR) {
        const e = src.charCodeAt(k + 2);
        breaks.push((e === C.NL || e === C.CR) && e !== d ? src.slice(k + 1, k + 3) : src[k + 1]!);
        k += breaks[breaks.length - 1]!.length;
      } else k++;
    } else if (c === src.charCodeAt(start) && k > start) break;
  }
  let s = '"';
  let b = 0;
  for (const v of bytes) {
    if (v === -1) s += "\\" + breaks[b++]!;
    else if (v === C.QUOTE) s += '\\"';
    else if (v === C.BACKSLASH) s += "\\\\";
    else if (v === C.NL) s += "\\n";
    else if (v === C.CR) s += "\\r";
    else if (v < 32 || v === 127) s += "\\" + String(v).padStart(3, "0");
    else s += String.fromCharCode(v);
  }
  return s + '"';
}
