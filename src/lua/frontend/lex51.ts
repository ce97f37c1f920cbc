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

import { ArgNest } from "./arg-nest.js";
import type { VarargFn } from "./edits.js";
import { EV_ARG, EV_ESCAPED, EV_KEYWORD, EV_LBRACE, EV_RBRACE, EV_RPAREN, EV_VARARG, NodeBuffer, scan51 } from "./scan51.js";
import * as K from "./tokens.js";
import type { Tokens } from "./tokens.js";

export type { Tokens } from "./tokens.js";

// Token codes as module constants: read through the namespace (K.NAME) each comparison is a
// load and a switch on them runs ~4× slower under V8 (measured on the token loops).
const {
  AND, ASSIGN, BREAK, CARET, COLON, COMMA, CONCAT, DBCOLON, DO, DOT, ELSE, ELSEIF, END, EQ, FALSE, FOR,
  FUNCTION, GE, GOTO, GT, HASH, IF, IN, LBRACE, LBRACKET, LE, LOCAL, LPAREN, LT, MINUS, NAME, NE, NIL, NOT,
  NUMBER, OR, OTHER, PERCENT, PLUS, RBRACE, RBRACKET, REPEAT, RETURN, RPAREN, SEMI, SLASH, STAR, STRING, THEN,
  TRUE, UNTIL, VARARG, WHILE,
} = K;

/** Result of {@link lex51}. */
export type Lex51Result =
  | {
      ok: true;
      source: string;
      hasConcat: boolean;
      hasArg: boolean;
      tokens: Tokens | undefined;
      /**
       * With `nest`: the vararg functions, each after the functions nested in
       * it, with whether each names `arg` and `...` (see arg-nest.ts);
       * undefined when not asked, or when the nesting did not settle the chunk.
       */
      varargFns: VarargFn[] | undefined;
    }
  | {
      ok: false;
      line: number;
      message: string;
      /**
       * The chunk up to the token refused, as translated so far: Lua 5.1
       * reports a syntax error there first, before its lexer reaches this
       * token (see `Translation.prefix`).
       */
      prefix: string;
    };

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

/**
 * 1 at (first char << 4 | length) of every keyword: most names are told
 * from keywords by this one read, without a call to {@link wordCode} (which
 * cost ~20 % of the lexer when every name of 2–8 chars went through it).
 */
const KW_START = new Uint8Array(128 * 16);
for (const w of Object.keys(K.KEYWORD_CODES)) {
  KW_START[(w.charCodeAt(0) << 4) | w.length] = 1;
}

/** Shows a token the way Lua's messages do (`near '...'`), bytes kept. */
function near(s: string): string {
  return `near '${s}'`;
}

/** Token code of the name a[s, s + len]: a keyword's code or NAME (char codes compared inline). */
function wordCode(a: Uint16Array, s: number, len: number): number {
  switch (a[s]) {
    case 97: // a
      if (len === 3 && a[s + 1] === 110 && a[s + 2] === 100) return AND;
      return NAME;
    case 98: // b
      if (len === 5 && a[s + 1] === 114 && a[s + 2] === 101 && a[s + 3] === 97 && a[s + 4] === 107) return BREAK;
      return NAME;
    case 100: // d
      if (len === 2 && a[s + 1] === 111) return DO;
      return NAME;
    case 101: // e
      if (len === 3 && a[s + 1] === 110 && a[s + 2] === 100) return END;
      if (len === 4 && a[s + 1] === 108 && a[s + 2] === 115 && a[s + 3] === 101) return ELSE;
      if (len === 6 && a[s + 1] === 108 && a[s + 2] === 115 && a[s + 3] === 101 && a[s + 4] === 105 && a[s + 5] === 102) return ELSEIF;
      return NAME;
    case 102: // f
      if (len === 3 && a[s + 1] === 111 && a[s + 2] === 114) return FOR;
      if (len === 5 && a[s + 1] === 97 && a[s + 2] === 108 && a[s + 3] === 115 && a[s + 4] === 101) return FALSE;
      if (len === 8 && a[s + 1] === 117 && a[s + 2] === 110 && a[s + 3] === 99 && a[s + 4] === 116 && a[s + 5] === 105 && a[s + 6] === 111 && a[s + 7] === 110) return FUNCTION;
      return NAME;
    case 103: // g
      if (len === 4 && a[s + 1] === 111 && a[s + 2] === 116 && a[s + 3] === 111) return GOTO;
      return NAME;
    case 105: // i
      if (len === 2 && a[s + 1] === 102) return IF;
      if (len === 2 && a[s + 1] === 110) return IN;
      return NAME;
    case 108: // l
      if (len === 5 && a[s + 1] === 111 && a[s + 2] === 99 && a[s + 3] === 97 && a[s + 4] === 108) return LOCAL;
      return NAME;
    case 110: // n
      if (len === 3 && a[s + 1] === 105 && a[s + 2] === 108) return NIL;
      if (len === 3 && a[s + 1] === 111 && a[s + 2] === 116) return NOT;
      return NAME;
    case 111: // o
      if (len === 2 && a[s + 1] === 114) return OR;
      return NAME;
    case 114: // r
      if (len === 6 && a[s + 1] === 101 && a[s + 2] === 112 && a[s + 3] === 101 && a[s + 4] === 97 && a[s + 5] === 116) return REPEAT;
      if (len === 6 && a[s + 1] === 101 && a[s + 2] === 116 && a[s + 3] === 117 && a[s + 4] === 114 && a[s + 5] === 110) return RETURN;
      return NAME;
    case 116: // t
      if (len === 4 && a[s + 1] === 104 && a[s + 2] === 101 && a[s + 3] === 110) return THEN;
      if (len === 4 && a[s + 1] === 114 && a[s + 2] === 117 && a[s + 3] === 101) return TRUE;
      return NAME;
    case 117: // u
      if (len === 5 && a[s + 1] === 110 && a[s + 2] === 116 && a[s + 3] === 105 && a[s + 4] === 108) return UNTIL;
      return NAME;
    case 119: // w
      if (len === 5 && a[s + 1] === 104 && a[s + 2] === 105 && a[s + 3] === 108 && a[s + 4] === 101) return WHILE;
      return NAME;
    default:
      return NAME;
  }
}

/** Index of the next `ch` from `from`, or the length of `src` when there is none. */
function nextOf(src: string, ch: string, from: number): number {
  const k = src.indexOf(ch, from);
  return k < 0 ? src.length : k;
}

/** Level of a long bracket at `at` (`[==[` → 2), or -1. */
function longLevel(a: Uint16Array, at: number): number {
  let j = at + 1;
  while (a[j] === C.EQ) j++;
  return a[j] === a[at] ? j - at - 1 : -1;
}

/** Line breaks crossed by the last {@link skipLong}. */
let longLines = 0;

/**
 * Skips a long string/comment (in the `n` codes of `a`) whose opening
 * bracket (of `level`) starts at i: the index after its closing bracket, or
 * -1 when it is unfinished.
 */
function skipLong(a: Uint16Array, n: number, i: number, level: number): number {
  let lines = 0;
  i += level + 2;
  for (;;) {
    if (i >= n) {
      longLines = lines;
      return -1;
    }
    const c = a[i]!;
    if (c === 93 && longLevel(a, i) === level) {
      longLines = lines;
      return i + level + 2;
    }
    if (c === C.NL || c === C.CR) {
      const d = a[++i]!;
      if ((d === C.NL || d === C.CR) && d !== c) i++;
      lines++;
    } else i++;
  }
}

/**
 * End of the numeral starting at i: digits, dots, letters (hex, exponents),
 * and a sign right after the exponent letter (e/E in a decimal numeral, p/P
 * in a hex one: in `0xe-x` the e is a digit and the numeral ends before `-`).
 */
function numeral(a: Uint16Array, n: number, i: number): number {
  const s = i;
  i++;
  while (i < n) {
    const d = a[i]!;
    if (NAME_CHAR[d] === 1 || d === 46) i++;
    else if (d === 43 || d === 45) {
      // The letter before the sign, lower case (| 32), against the exponent letter: p after 0x/0X, else e.
      if ((a[i - 1]! | 32) === (a[s] === 48 && (a[s + 1]! | 32) === 120 ? 112 : 101)) i++;
      else break;
    } else break;
  }
  return i;
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
 * and returns the 5.4-ready source, or the first lexical error. With
 * `nest`, the nesting that settles the implicit-`arg` rewrite is followed
 * as the chunk is read (arg-nest.ts), without storing tokens.
 */
export function lex51(src: string, skipShebang: boolean, wantTokens = false, nest = false): Lex51Result {
  if (!wantTokens) {
    const scanned = lexScanned(src, skipShebang, nest);
    if (scanned !== undefined) return scanned;
  }
  const n = src.length;
  const a = charCodes(src);
  // Room for the tokens of typical code (about one per 3.5 characters) from the start.
  if (wantTokens && scratchKind.length < (n >> 1) + 64) growScratch((n >> 1) + 64);
  let kind = scratchKind;
  let tStart = scratchStart;
  let tEnd = scratchEnd;
  let cap = wantTokens ? kind.length : 0;
  let nt = 0;
  let concats = scratchConcats;
  let nc = 0;
  let args = scratchArgs;
  let na = 0;
  let out = "";
  let copied = 0; // src[copied..i) not yet appended to out
  let shift = 0; // out.length - copied: where src[i] lands in the output is i + shift
  let i = 0;
  let line = 1;
  let hasConcat = false;
  let hasArg = false;
  let gotos = false; // a `goto` or a label
  let lastK = 0; // the previous token's code

  // Tiny state machine over the names a statement declares: 1 where a name of `local a, b` may come (after
  // `local` or a comma of the list), 2 after such a name (where `<attrib>` is refused); 5 and 6 the same for
  // `for a, b` (where the `arg` nesting needs to know a loop variable from a use).
  let localState = 0;
  const nst = nest ? new ArgNest() : undefined;

  // Where the next line feed and carriage return are (n: none), once looked up (for line comments).
  let nextNL = -1;
  let nextCR = -1;

  // `from`: where the refused token starts (what precedes it is the prefix).
  const fail = (message: string, at: number, from: number): Lex51Result => ({ ok: false, line: at, message, prefix: out + src.slice(copied, from) });

  if (skipShebang && a[0] === 35 /* # */) {
    out = "--";
    shift = 2;
    i = shebangEnd(src);
  }

  while (i < n) {
    const c = a[i]!;
    const s0 = i;
    const ts = i + shift;
    let k: number;
    let nextLocal = 0;
    // One switch on the char (dense cases: a jump table) instead of a chain of tests.
    switch (c) {
      case 32:
      case 9:
      case 11:
      case 12:
        i++;
        continue;
      case 10:
      case 13: {
        const d = a[++i]; // (0 past the end)
        if ((d === C.NL || d === C.CR) && d !== c) i++;
        line++;
        while (a[i] === 32) i++; // the next line's indentation
        continue;
      }
      case 45: // -
        if (a[i + 1] !== 45) {
          i++;
          k = MINUS;
          break;
        }
        i += 2;
        if (a[i] === 91 /* [ */) {
          const level = longLevel(a, i);
          if (level >= 0) {
            i = skipLong(a, n, i, level);
            line += longLines;
            if (i < 0) return fail(`unfinished long comment (starting at line ${line - longLines}) ${near("<eof>")}`, line, s0);
            continue;
          }
        }
        if (nextNL < i) nextNL = nextOf(src, "\n", i);
        if (nextCR < i) nextCR = nextOf(src, "\r", i);
        i = nextNL < nextCR ? nextNL : nextCR;
        continue;
      case 97: case 98: case 99: case 100: case 101: case 102: case 103: case 104: case 105: case 106: case 107: case 108: case 109:
      case 110: case 111: case 112: case 113: case 114: case 115: case 116: case 117: case 118: case 119: case 120: case 121: case 122:
      case 65: case 66: case 67: case 68: case 69: case 70: case 71: case 72: case 73: case 74: case 75: case 76: case 77:
      case 78: case 79: case 80: case 81: case 82: case 83: case 84: case 85: case 86: case 87: case 88: case 89: case 90:
      case 95: {
        while (NAME_CHAR[a[++i]!] === 1); // (stops at the 0 past the end)
        const len = i - s0;
        k = len < 9 && KW_START[(c << 4) | len] === 1 ? wordCode(a, s0, len) : NAME;
        if (k === NAME) {
          // `arg`, not as a field name (t.arg, t:arg)
          if (len === 3 && c === 97 && a[s0 + 1] === 114 && a[s0 + 2] === 103 && lastK !== DOT && lastK !== COLON) {
            hasArg = true;
            if (wantTokens) {
              if (na === args.length) args = growArgs(na * 2 + 64);
              args[na++] = nt;
            }
            nst?.arg(lastK, localState === 1 || localState === 5, a, i);
          }
          if (localState === 1) nextLocal = 2;
          else if (localState === 5) nextLocal = 6;
        } else {
          if (k === LOCAL) nextLocal = 1;
          else if (k === FOR) nextLocal = 5;
          else if (k !== FUNCTION && localState === 1) nextLocal = 2;
          if (k === GOTO) gotos = true;
          nst?.keyword(k, lastK);
        }
        break;
      }
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57:
        i = numeral(a, n, i);
        k = NUMBER;
        break;
      case 34: // "
      case 39: {
        // '
        k = STRING;
        let j = i + 1;
        for (;;) {
          if (j >= n) return fail(`unfinished string ${near(src.slice(s0, j))}`, line, s0);
          const d = a[j];
          if (d === c) {
            i = j + 1;
            break;
          }
          if (d === C.NL || d === C.CR) return fail(`unfinished string ${near(src.slice(s0, j))}`, line, s0);
          if (d === C.BACKSLASH) {
            const r = escapedString(src, s0, line);
            if (r.error !== undefined) return fail(r.error, r.line, s0);
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
        const level = longLevel(a, i);
        if (level >= 0) {
          i = skipLong(a, n, i, level);
          line += longLines;
          if (i < 0) return fail(`unfinished long string (starting at line ${line - longLines}) ${near("<eof>")}`, line, s0);
          k = STRING;
        } else {
          i++;
          k = LBRACKET;
        }
        break;
      }
      case 46: // .
        if (a[i + 1] === 46) {
          if (a[i + 2] === 46) {
            i += 3;
            k = VARARG;
            nst?.vararg();
          } else {
            hasConcat = true;
            k = CONCAT;
            if (wantTokens) {
              if (nc === concats.length) concats = growConcats(nc * 2 + 64);
              concats[nc++] = nt;
            }
            i += 2;
          }
        } else if (isDigit(a[i + 1]!)) {
          i = numeral(a, n, i);
          k = NUMBER;
        } else {
          i++;
          k = DOT;
        }
        break;
      case 44: // ,
        if (localState === 2) nextLocal = 1;
        else if (localState === 6) nextLocal = 5;
        i++;
        k = COMMA;
        break;
      case 47: // /
        if (a[i + 1] === 47) return fail(`unexpected symbol ${near("/")}`, line, s0);
        i++;
        k = SLASH;
        break;
      case 38: // &
      case 124: // |
        return fail(`unexpected symbol ${near(src[i]!)}`, line, s0);
      case 126: // ~
        if (a[i + 1] !== C.EQ) return fail(`unexpected symbol ${near("~")}`, line, s0);
        i += 2;
        k = NE;
        break;
      case 60: // <
        if (localState === 2 || a[i + 1] === 60) return fail(`unexpected symbol ${near("<")}`, line, s0);
        if (a[i + 1] === C.EQ) {
          i += 2;
          k = LE;
        } else {
          i++;
          k = LT;
        }
        break;
      case 62: // >
        if (a[i + 1] === 62) return fail(`unexpected symbol ${near(">")}`, line, s0);
        if (a[i + 1] === C.EQ) {
          i += 2;
          k = GE;
        } else {
          i++;
          k = GT;
        }
        break;
      case 61: // =
        if (a[i + 1] === C.EQ) {
          i += 2;
          k = EQ;
        } else {
          i++;
          k = ASSIGN;
        }
        break;
      case 58: // ':' or '::'
        if (a[i + 1] === 58) {
          i += 2;
          k = DBCOLON;
          gotos = true;
        } else {
          i++;
          k = COLON;
        }
        break;
      case 40: // (
        i++;
        k = LPAREN;
        break;
      case 41: // )
        i++;
        k = RPAREN;
        if (nst?.header) nst.rparen(i + shift);
        break;
      case 123: // {
        i++;
        k = LBRACE;
        nst?.lbrace();
        break;
      case 125: // }
        i++;
        k = RBRACE;
        nst?.rbrace();
        break;
      case 93: // ]
        i++;
        k = RBRACKET;
        break;
      case 43: // +
        i++;
        k = PLUS;
        break;
      case 42: // *
        i++;
        k = STAR;
        break;
      case 37: // %
        i++;
        k = PERCENT;
        break;
      case 94: // ^
        i++;
        k = CARET;
        break;
      case 35: // #
        i++;
        k = HASH;
        break;
      case 59: // ;
        i++;
        k = SEMI;
        break;
      default:
        i++;
        k = OTHER;
    }
    localState = nextLocal;
    lastK = k;
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
    if (a[i] === 32) i++; // (a token's usual one space skipped here, without a pass through the switch)
  }
  const source = copied === 0 && out === "" ? src : out + src.slice(copied);
  const tokens: Tokens | undefined = wantTokens
    ? { n: nt, kind: kind.subarray(0, nt), start: tStart.subarray(0, nt), end: tEnd.subarray(0, nt), concats: concats.subarray(0, nc), args: args.subarray(0, na), source, gotos }
    : undefined;
  // Arrays grown for a very large chunk are not kept (the tokens returned still hold them).
  if (scratchKind.length > SCRATCH_KEEP) growScratch(0);
  if (scratchConcats.length > SCRATCH_KEEP) scratchConcats = new Int32Array(0);
  if (scratchArgs.length > SCRATCH_KEEP) scratchArgs = new Int32Array(0);
  return { ok: true, source, hasConcat, hasArg, tokens, varargFns: nst?.result() };
}

/** Where a first line starting with `#` (a shebang, made a comment) ends: its line break, or the chunk's end. */
function shebangEnd(src: string): number {
  const nl = nextOf(src, "\n", 0);
  const cr = nextOf(src, "\r", 0);
  return nl < cr ? nl : cr;
}

/**
 * {@link lex51} without tokens, its character loop run in wasm (scan51.ts):
 * the events the scan reports are acted on here as the loop below acts on
 * the same tokens. Undefined when the scan gave up or cannot run (lex51's
 * own loop then reads the chunk, and makes any message).
 */
function lexScanned(src: string, skipShebang: boolean, nest: boolean): Lex51Result | undefined {
  const shebang = skipShebang && src.charCodeAt(0) === 35; /* # */
  let out = shebang ? "--" : "";
  const scan = scan51(src, shebang ? shebangEnd(src) : 0);
  if (scan === undefined) return undefined;
  const { events, codes } = scan;
  const nst = nest ? new ArgNest() : undefined;
  let copied = 0;
  let shift = out.length;
  let hasArg = false;
  for (let e = 0, x = 0; e < scan.count; e++, x += 3) {
    const info = events[x]!;
    switch (info & 255) {
      case EV_KEYWORD:
        nst?.keyword((info >> 8) & 255, info >>> 16);
        break;
      case EV_ARG:
        hasArg = true;
        nst?.arg((info >> 8) & 255, info >>> 16 === 1, codes, events[x + 1]!);
        break;
      case EV_VARARG:
        nst?.vararg();
        break;
      case EV_RPAREN:
        if (nst?.header) nst.rparen(events[x + 1]! + shift);
        break;
      case EV_LBRACE:
        nst?.lbrace();
        break;
      case EV_RBRACE:
        nst?.rbrace();
        break;
      case EV_ESCAPED: {
        const s0 = events[x + 1]!;
        // (Its line is only for a message; a string that gets one is read again by the loop below, at the right line.)
        const r = escapedString(src, s0, 1);
        if (r.error !== undefined || r.i !== events[x + 2]) return undefined;
        out += src.slice(copied, s0) + r.text;
        copied = r.i;
        shift = out.length - copied;
        break;
      }
    }
  }
  const source = copied === 0 && out === "" ? src : out + src.slice(copied);
  return { ok: true, source, hasConcat: scan.hasConcat, hasArg, tokens: undefined, varargFns: nst?.result() };
}

/*
 * The chunk's char codes, copied once into a reused array: the lexer reads
 * each char from it instead of charCodeAt on the string. A string built by
 * concatenation (a cons string, or a flattened one still behind its cons
 * cell) costs charCodeAt about twice what a flat string does; the copy
 * (Node's utf16le write, every code unit as it is) costs a few hundredths of a
 * millisecond for a 200 KB chunk. Four 0s follow the chunk: every lookahead
 * past its end reads 0, which matches no character the lexer looks for.
 */
let codeScratch = new Uint16Array(0);
/** A Node Buffer over {@link codeScratch} (undefined: no Buffer, or a big-endian host). */
let codeWriter: Buffer | undefined;

/** Code units kept for the next chunk (2 bytes each). */
const CODES_KEEP = 1 << 20;

/** The char codes of `src` (valid until the next call), then four 0s. */
function charCodes(src: string): Uint16Array {
  const n = src.length;
  if (codeScratch.length < n + 4 || codeScratch.length > Math.max(CODES_KEEP, 2 * n + 8)) {
    codeScratch = new Uint16Array(Math.max(n + 4, 4096));
    codeWriter = NodeBuffer?.from(codeScratch.buffer, 0, codeScratch.byteLength);
  }
  const a = codeScratch;
  if (codeWriter !== undefined && n > 0) codeWriter.write(src, 0, "utf16le");
  else for (let i = 0; i < n; i++) a[i] = src.charCodeAt(i);
  a[n] = a[n + 1] = a[n + 2] = a[n + 3] = 0;
  return a;
}

/*
 * Token arrays, reused from call to call: fresh large typed arrays cost
 * page faults on first touch (the lexer's main cost when it allocated them
 * per chunk). A chunk's tokens are therefore valid until the next lex51
 * call that asks for tokens.
 */
let scratchKind = new Uint8Array(0);
let scratchStart = new Int32Array(0);
let scratchEnd = new Int32Array(0);

/** Indices of the `..` tokens (reused as the token arrays are). */
let scratchConcats = new Int32Array(0);

/** Grows the `..` indices to `cap` entries, keeping their content. */
function growConcats(cap: number): Int32Array<ArrayBuffer> {
  const c = new Int32Array(cap);
  c.set(scratchConcats);
  return (scratchConcats = c);
}

/** Indices of the `arg` name tokens (reused as the token arrays are). */
let scratchArgs = new Int32Array(0);

/** Grows the `arg` indices to `cap` entries, keeping their content. */
function growArgs(cap: number): Int32Array<ArrayBuffer> {
  const c = new Int32Array(cap);
  c.set(scratchArgs);
  return (scratchArgs = c);
}

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
