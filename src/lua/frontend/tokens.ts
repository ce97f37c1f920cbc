/**
 * Token codes of the front end's lexer (lex51.ts): one code per keyword and
 * per operator, so the passes that read the tokens (concat-tokens.ts,
 * arg-tokens.ts) compare small integers instead of strings.
 *
 * @internal
 */

export const NAME = 1;
export const NUMBER = 2;
export const STRING = 3;
/** `..` */
export const CONCAT = 4;
/** `...` */
export const VARARG = 5;

// Keywords (KW_FIRST..KW_LAST)
export const AND = 10;
export const BREAK = 11;
export const DO = 12;
export const ELSE = 13;
export const ELSEIF = 14;
export const END = 15;
export const FALSE = 16;
export const FOR = 17;
export const FUNCTION = 18;
export const GOTO = 19;
export const IF = 20;
export const IN = 21;
export const LOCAL = 22;
export const NIL = 23;
export const NOT = 24;
export const OR = 25;
export const REPEAT = 26;
export const RETURN = 27;
export const THEN = 28;
export const TRUE = 29;
export const UNTIL = 30;
export const WHILE = 31;
export const KW_FIRST = AND;
export const KW_LAST = WHILE;

// Operators and punctuation
export const PLUS = 40;
export const MINUS = 41;
export const STAR = 42;
export const SLASH = 43;
export const PERCENT = 44;
export const CARET = 45;
export const HASH = 46;
/** `==` */
export const EQ = 47;
/** `~=` */
export const NE = 48;
export const LE = 49;
export const GE = 50;
export const LT = 51;
export const GT = 52;
/** `=` */
export const ASSIGN = 53;
export const LPAREN = 54;
export const RPAREN = 55;
export const LBRACE = 56;
export const RBRACE = 57;
export const LBRACKET = 58;
export const RBRACKET = 59;
export const SEMI = 60;
export const COLON = 61;
/** `::` */
export const DBCOLON = 62;
export const COMMA = 63;
export const DOT = 64;
/** Any other character (not Lua syntax). */
export const OTHER = 65;

/**
 * The chunk's tokens (comments and blanks left out), `n` of them, with
 * their positions in the *output* source `source`. The text of a name or
 * number is `source.slice(start[i], end[i])`. The arrays are the lexer's
 * own, reused: valid until the next lex51 call that asks for tokens.
 */
export interface Tokens {
  readonly n: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Indices of the `..` tokens, in order. */
  readonly concats: Int32Array;
  /** Indices of the name tokens `arg` not written after `.` or `:` (a field name), in order. */
  readonly args: Int32Array;
  readonly source: string;
  /** The chunk has a `goto` or a label (`::`). */
  readonly gotos: boolean;
}

/** Each keyword (LuaJIT's `goto` included) and its code: what the lexers (lex51.ts, scan51.ts) build their keyword tables from. */
export const KEYWORD_CODES: Readonly<Record<string, number>> = {
  and: AND, break: BREAK, do: DO, else: ELSE, elseif: ELSEIF, end: END, false: FALSE, for: FOR,
  function: FUNCTION, goto: GOTO, if: IF, in: IN, local: LOCAL, nil: NIL, not: NOT, or: OR,
  repeat: REPEAT, return: RETURN, then: THEN, true: TRUE, until: UNTIL, while: WHILE,
};

/** True for the code of a keyword (`nil`, `true`, `false` included). */
export function isKeyword(k: number): boolean {
  return k >= KW_FIRST && k <= KW_LAST;
}
