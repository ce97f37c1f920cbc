/**
 * The fast path of the front end's `..` rewrite: finds the operands of each
 * `..` on the token stream of the lexer (no syntax tree) and wraps those
 * that may be numbers in `__rsim_s(...)`, exactly as transform.ts does from
 * luaparse's tree. An operand of `..` is a run of higher-precedence
 * expressions (unary operators, `+ - * / % ^`, primary expressions with
 * their suffixes), so it can be delimited by scanning tokens both ways
 * with bracket and `function ... end` matching.
 *
 * Returns undefined when the tokens do not read as an expression (a syntax
 * error the VM will report, or a shape this scanner does not know): the
 * caller then uses the luaparse path.
 *
 * @internal
 */
import * as K from "./tokens.js";
import type { Tokens } from "./tokens.js";
import { applyEdits, S_HEADER, type Edit } from "./edits.js";

// Token codes as module constants: read through the namespace (K.NAME) each comparison is a
// load and a switch on them runs ~4× slower under V8 (measured on the token loops).
const {
  AND, CARET, COLON, CONCAT, DO, DOT, END, EQ, FALSE, FUNCTION, GT, HASH, IF, LBRACE, LBRACKET, LPAREN, MINUS,
  NAME, NIL, NOT, NUMBER, OR, PLUS, RBRACE, RBRACKET, RPAREN, STRING, TRUE, VARARG,
} = K;

const STRING_RESULT = new Set(["format", "sub", "upper", "lower", "rep", "reverse", "gsub", "char"]);

/** `+ - * / % ^`: bind tighter than `..`. */
function isHighBinary(k: number): boolean {
  return k >= PLUS && k <= CARET;
}

/** Operators binding looser than `..` (their presence makes `( ... )` more than a concatenation). */
function isLooser(k: number): boolean {
  return k >= EQ && k <= GT;
}

function isOpener(k: number): boolean {
  return k === LPAREN || k === LBRACKET || k === LBRACE;
}

function isCloser(k: number): boolean {
  return k === RPAREN || k === RBRACKET || k === RBRACE;
}

function partner(k: number): number {
  switch (k) {
    case LPAREN:
      return RPAREN;
    case RPAREN:
      return LPAREN;
    case LBRACKET:
      return RBRACKET;
    case RBRACKET:
      return LBRACKET;
    case LBRACE:
      return RBRACE;
    default:
      return LBRACE;
  }
}

function isLiteralKeyword(k: number): boolean {
  return k === NIL || k === TRUE || k === FALSE;
}

class Fail extends Error {}

/** Source with the operands of `..` wrapped, or undefined (use the luaparse path). */
export function wrapConcatOperands(src: string, tk: Tokens): string | undefined {
  const edits = concatEdits(tk);
  if (edits === undefined) return undefined;
  if (!edits.length) return src;
  return applyEdits(src, edits, S_HEADER + " ");
}

/** The `__rsim_s(` / `)` insertions around the operands of `..`, or undefined (use the luaparse path). */
export function concatEdits(tk: Tokens): Edit[] | undefined {
  const { n, kind, source } = tk;
  const text = (i: number): string => source.slice(tk.start[i], tk.end[i]);
  const at = (i: number): number => (i >= 0 && i < n ? kind[i]! : 0);

  /** Index of the bracket matching the opener at i. */
  const matchForward = (i: number): number => {
    const open = kind[i]!;
    const close = partner(open);
    let depth = 0;
    for (let j = i; j < n; j++) {
      const k = kind[j];
      if (k === open) depth++;
      else if (k === close && --depth === 0) return j;
    }
    throw new Fail();
  };
  const matchBackward = (i: number): number => {
    const close = kind[i]!;
    const open = partner(close);
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      const k = kind[j];
      if (k === close) depth++;
      else if (k === open && --depth === 0) return j;
    }
    throw new Fail();
  };
  const blockDelta = (i: number): number => {
    const k = kind[i];
    return k === FUNCTION || k === DO || k === IF ? 1 : k === END ? -1 : 0;
  };
  /** `function ... end` starting at i: index of its `end`. */
  const endForward = (i: number): number => {
    let depth = 0;
    for (let j = i; j < n; j++) {
      depth += blockDelta(j);
      if (depth === 0) return j;
    }
    throw new Fail();
  };
  /** `function ... end` ending at i: index of its `function`. */
  const functionBackward = (i: number): number => {
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      depth -= blockDelta(j);
      if (depth === 0) {
        if (kind[j] !== FUNCTION) throw new Fail();
        return j;
      }
    }
    throw new Fail();
  };
  const endsOperand = (i: number): boolean => {
    if (i < 0) return false;
    const k = kind[i]!;
    if (k === NAME || k === NUMBER || k === STRING) return true;
    return k === END || isLiteralKeyword(k) || isCloser(k) || k === VARARG;
  };

  // ---- forward: last index of the operand starting at i
  const simpleForward = (i: number): number => {
    if (i >= n) throw new Fail();
    const k = kind[i]!;
    if (k === NUMBER || k === STRING || isLiteralKeyword(k) || k === VARARG) return i;
    if (k === FUNCTION) return endForward(i);
    if (k === LBRACE) return matchForward(i);
    let j: number;
    if (k === NAME) j = i;
    else if (k === LPAREN) j = matchForward(i);
    else throw new Fail();
    for (;;) {
      const x = j + 1;
      const kx = at(x);
      if (kx === DOT) j = x + 1;
      else if (kx === COLON) {
        j = x + 1;
        const a = j + 1;
        const ka = at(a);
        if (ka === LPAREN || ka === LBRACE) j = matchForward(a);
        else if (ka === STRING) j = a;
        else throw new Fail();
      } else if (kx === LBRACKET || kx === LPAREN || kx === LBRACE) j = matchForward(x);
      else if (kx === STRING) j = x;
      else return j;
    }
  };
  const operandForward = (i: number): number => {
    for (;;) {
      for (let k = at(i); k === MINUS || k === HASH || k === NOT; k = at(++i));
      const j = simpleForward(i);
      if (isHighBinary(at(j + 1))) {
        i = j + 2;
        continue;
      }
      return j;
    }
  };

  // ---- backward: first index of the operand ending at j
  const simpleBackward = (j: number): number => {
    if (j < 0) throw new Fail();
    const k = kind[j]!;
    if (k === NUMBER || isLiteralKeyword(k) || k === VARARG) return j;
    if (k === END) return functionBackward(j);
    let s: number;
    if (k === NAME || k === STRING) s = j;
    else if (isCloser(k)) s = matchBackward(j);
    else throw new Fail();
    // Is this atom a suffix of something before it?
    for (;;) {
      const p = s - 1;
      const ks = kind[s];
      const kp = at(p);
      if (ks === NAME) {
        if (kp === DOT || kp === COLON) {
          s = atomBackward(p - 1);
          continue;
        }
        return s;
      }
      if (ks === LBRACKET) {
        s = atomBackward(p);
        continue;
      }
      // ( ... ), { ... }, "string": a call's arguments when something callable precedes
      if (kp === NAME || kp === RPAREN || kp === RBRACKET) {
        s = atomBackward(p);
        continue;
      }
      // a table constructor or string literal on its own
      return s;
    }
  };
  /** Start of the atom (Name or bracket group) ending at j, without looking further back. */
  const atomBackward = (j: number): number => {
    if (j < 0) throw new Fail();
    const k = kind[j]!;
    if (k === NAME || k === STRING) return j;
    if (isCloser(k)) return matchBackward(j);
    throw new Fail();
  };
  const operandBackward = (j: number): number => {
    let s = simpleBackward(j);
    for (;;) {
      const p = s - 1;
      const kp = at(p);
      if (kp === HASH || kp === NOT) {
        s = p;
        continue;
      }
      if (kp === MINUS && !endsOperand(p - 1)) {
        s = p;
        continue;
      }
      if (isHighBinary(kp)) {
        s = simpleBackward(p - 1);
        continue;
      }
      return s;
    }
  };

  /** True for a numeral of 1 to 14 decimal digits (printed the same by 5.1 and 5.4). */
  const shortInt = (i: number): boolean => {
    const s = tk.start[i]!;
    const len = tk.end[i]! - s;
    if (len < 1 || len > 14) return false;
    for (let k = 0; k < len; k++) {
      const c = source.charCodeAt(s + k);
      if (c < 48 || c > 57) return false;
    }
    return true;
  };

  /** True when [s, e] needs no conversion: a string, short integer, concatenation or string-valued call. */
  const noNumber = (s: number, e: number): boolean => {
    if (s === e) return kind[s] === STRING || (kind[s] === NUMBER && shortInt(s));
    if (kind[s] === LPAREN && kind[e] === RPAREN && matchForward(s) === e) {
      // ( a .. b ): a concatenation in parentheses (nothing binding looser at its top level)
      let concat = false;
      let d = 0;
      for (let i = s + 1; i < e; i++) {
        const k = kind[i]!;
        if (isOpener(k)) d++;
        else if (isCloser(k)) d--;
        else if (k === FUNCTION) return false;
        else if (d === 0) {
          if (isLooser(k) || k === AND || k === OR) return false;
          if (k === CONCAT) concat = true;
        }
      }
      return concat;
    }
    if (kind[e] !== RPAREN) return false;
    const open = matchBackward(e);
    const fn = open - 1;
    if (fn < 0 || kind[fn] !== NAME) return false;
    const name = text(fn);
    if (fn === s && name === "tostring") return true;
    if (!STRING_RESULT.has(name)) return false;
    if (at(fn - 1) === COLON) return true;
    return at(fn - 1) === DOT && fn - 2 === s && kind[s] === NAME && text(s) === "string";
  };
  const edits: Edit[] = [];
  /** 1 at the first token of each operand already seen (as the right of one `..` and the left of the next). */
  const wrapped = new Uint8Array(n);
  let seq = 0;
  const wrap = (first: number, last: number): void => {
    let s = first;
    let e = last;
    if (wrapped[s] === 1) return;
    wrapped[s] = 1;
    if (noNumber(s, e)) return;
    // (x) alone: wrap inside the parentheses, as the tree path does
    while (kind[s] === LPAREN && matchForward(s) === e && e > s + 1) {
      s++;
      e--;
    }
    const order = seq++;
    edits.push({ at: tk.start[s]!, text: "__rsim_s(", order });
    edits.push({ at: tk.end[e]!, text: ")", order: -1e9 - order });
  };

  try {
    const concats = tk.concats;
    for (let c = 0; c < concats.length; c++) {
      const i = concats[c]!;
      wrap(operandBackward(i - 1), i - 1);
      wrap(i + 1, operandForward(i + 1));
    }
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
  return edits;
}
