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

/** Result of {@link lex51}. */
export type Lex51Result =
  | { ok: true; source: string; hasConcat: boolean; hasArg: boolean }
  | { ok: false; line: number; message: string };

const C = {
  NL: 10,
  CR: 13,
  QUOTE: 34,
  APOS: 39,
  BACKSLASH: 92,
  LBRACKET: 91,
  RBRACKET: 93,
  EQ: 61,
  MINUS: 45,
  DOT: 46,
  SLASH: 47,
  AMP: 38,
  PIPE: 124,
  TILDE: 126,
  LT: 60,
  GT: 62,
  COMMA: 44,
  HASH: 35,
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

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Shows a token the way Lua's messages do (`near '...'`), bytes kept. */
function near(s: string): string {
  return `near '${s}'`;
}

/**
 * Lexes `src` as Lua 5.1 (plus LuaJIT's `goto`/labels and `\x` escapes)
 * and returns the 5.4-ready source, or the first lexical error.
 */
export function lex51(src: string, skipShebang: boolean): Lex51Result {
  const n = src.length;
  let out = "";
  let copied = 0; // src[copied..i) not yet appended to out
  let i = 0;
  let line = 1;
  let hasConcat = false;
  let hasArg = false;
  // Tiny state machine to spot `local a, b <attrib>`: 0 idle, 1 after `local`,
  // 2 after a name of the list, 3 after a comma of the list.
  let localState = 0;
  let error: { line: number; message: string } | undefined;

  const fail = (message: string, at = line): false => {
    error ??= { line: at, message };
    return false;
  };

  if (skipShebang && src.charCodeAt(0) === C.HASH) {
    out = "--";
  }

  /** Skips a line break at i (`\n`, `\r`, `\n\r`, `\r\n` count once). */
  const newline = (): void => {
    const c = src.charCodeAt(i++);
    const d = src.charCodeAt(i);
    if ((d === C.NL || d === C.CR) && d !== c) i++;
    line++;
  };

  /** Level of a long bracket at i (`[==[` → 2), or -1. Does not move i. */
  const longLevel = (at: number): number => {
    let j = at + 1;
    while (src.charCodeAt(j) === C.EQ) j++;
    return src.charCodeAt(j) === src.charCodeAt(at) ? j - at - 1 : -1;
  };

  /** Skips a long string/comment whose opening bracket starts at i. */
  const skipLong = (level: number, what: string): boolean => {
    const startLine = line;
    i += level + 2;
    if (src.charCodeAt(i) === C.NL || src.charCodeAt(i) === C.CR) newline();
    for (;;) {
      if (i >= n) return fail(`unfinished long ${what} (starting at line ${startLine}) ${near("<eof>")}`);
      const c = src.charCodeAt(i);
      if (c === C.RBRACKET && longLevel(i) === level) {
        i += level + 2;
        return true;
      }
      if (c === C.NL || c === C.CR) newline();
      else i++;
    }
  };

  /** Reads a short string starting at i (the quote); rewrites it if it has escapes. */
  const shortString = (): boolean => {
    const start = i;
    const quote = src.charCodeAt(i++);
    let bytes: number[] | undefined; // decoded content, only once an escape was seen
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
      bytes ??= [];
      for (let k = plainFrom; k < i; k++) bytes.push(src.charCodeAt(k));
      i++; // the backslash
      const e = src.charCodeAt(i);
      if (i >= n) return fail(`unfinished string ${near(src.slice(start, i))}`);
      if (e in SIMPLE_ESCAPES) {
        bytes.push(SIMPLE_ESCAPES[e]!);
        i++;
      } else if (e === C.NL || e === C.CR) {
        bytes.push(-1); // a line break written as backslash-newline (kept as such)
        newline();
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
    if (bytes === undefined) return true;
    for (let k = plainFrom; k < i - 1; k++) bytes.push(src.charCodeAt(k));
    out += src.slice(copied, start) + encode54(bytes, src, start);
    copied = i;
    return true;
  };

  while (i < n && error === undefined) {
    const c = src.charCodeAt(i);
    if (c === C.NL || c === C.CR) {
      newline();
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (i === 0 && c === C.HASH && skipShebang) {
      while (i < n && src.charCodeAt(i) !== C.NL && src.charCodeAt(i) !== C.CR) i++;
      continue;
    }
    if (c === C.MINUS && src.charCodeAt(i + 1) === C.MINUS) {
      i += 2;
      if (src.charCodeAt(i) === C.LBRACKET) {
        const level = longLevel(i);
        if (level >= 0) {
          skipLong(level, "comment");
          continue;
        }
      }
      while (i < n && src.charCodeAt(i) !== C.NL && src.charCodeAt(i) !== C.CR) i++;
      continue;
    }
    const prevLocal = localState;
    localState = 0;
    if (isNameStart(c)) {
      const s = i;
      while (isNameChar(src.charCodeAt(i))) i++;
      const word = src.slice(s, i);
      if (word === "arg") hasArg = true;
      if (word === "local") localState = 1;
      else if (word !== "function" && (prevLocal === 1 || prevLocal === 3)) localState = 2;
      continue;
    }
    if (isDigit(c) || (c === C.DOT && isDigit(src.charCodeAt(i + 1)))) {
      // Numerals: digits, dots, letters (hex, exponents), exponent signs.
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isNameChar(d) || d === C.DOT) i++;
        else if ((d === 43 || d === C.MINUS) && /[eEpP]/.test(src[i - 1]!)) i++;
        else break;
      }
      continue;
    }
    switch (c) {
      case C.QUOTE:
      case C.APOS:
        shortString();
        continue;
      case C.LBRACKET: {
        const level = longLevel(i);
        if (level >= 0) skipLong(level, "string");
        else i++;
        continue;
      }
      case C.DOT:
        if (src.charCodeAt(i + 1) === C.DOT) {
          if (src.charCodeAt(i + 2) === C.DOT) i += 3;
          else {
            hasConcat = true;
            i += 2;
          }
        } else i++;
        continue;
      case C.COMMA:
        if (prevLocal === 2) localState = 3;
        i++;
        continue;
      case C.SLASH:
        if (src.charCodeAt(i + 1) === C.SLASH) fail(`unexpected symbol ${near("/")}`);
        i++;
        continue;
      case C.AMP:
      case C.PIPE:
        fail(`unexpected symbol ${near(src[i]!)}`);
        continue;
      case C.TILDE:
        if (src.charCodeAt(i + 1) === C.EQ) i += 2;
        else fail(`unexpected symbol ${near("~")}`);
        continue;
      case C.LT:
        if (prevLocal === 2) fail(`unexpected symbol ${near("<")}`);
        else if (src.charCodeAt(i + 1) === C.LT) fail(`unexpected symbol ${near("<")}`);
        i++;
        continue;
      case C.GT:
        if (src.charCodeAt(i + 1) === C.GT) fail(`unexpected symbol ${near(">")}`);
        i++;
        continue;
      default:
        i++;
    }
  }
  if (error !== undefined) return { ok: false, ...error };
  return { ok: true, source: out + src.slice(copied), hasConcat, hasArg };
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
