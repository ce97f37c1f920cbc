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
import { T, type Tokens } from "./lex51.js";

const HIGH_BINARY = new Set(["+", "-", "*", "/", "%", "^"]);
const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const STRING_RESULT = new Set(["format", "sub", "upper", "lower", "rep", "reverse", "gsub", "char"]);
const SHORT_INT = /^[0-9]{1,14}$/;
const LITERAL_KEYWORDS = new Set(["nil", "true", "false"]);
/** Operators binding looser than `..` (their presence makes `( ... )` more than a concatenation). */
const LOOSER = new Set(["==", "~=", "<", "<=", ">", ">="]);

class Fail extends Error {}

/** Source with the operands of `..` wrapped, or undefined (use the luaparse path). */
export function wrapConcatOperands(src: string, tk: Tokens): string | undefined {
  const n = tk.kind.length;
  const { kind, text } = tk;
  const isOp = (i: number, t: string): boolean => i >= 0 && i < n && kind[i] === T.OP && text[i] === t;
  const isKw = (i: number, t: string): boolean => i >= 0 && i < n && kind[i] === T.KEYWORD && text[i] === t;

  /** Index of the bracket matching the opener at i. */
  const matchForward = (i: number): number => {
    const open = text[i]!;
    const close = OPENERS[open]!;
    let depth = 0;
    for (let j = i; j < n; j++) {
      if (kind[j] !== T.OP) continue;
      if (text[j] === open) depth++;
      else if (text[j] === close && --depth === 0) return j;
    }
    throw new Fail();
  };
  const matchBackward = (i: number): number => {
    const close = text[i]!;
    const open = CLOSERS[close]!;
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      if (kind[j] !== T.OP) continue;
      if (text[j] === close) depth++;
      else if (text[j] === open && --depth === 0) return j;
    }
    throw new Fail();
  };
  const blockDelta = (i: number): number => {
    if (kind[i] !== T.KEYWORD) return 0;
    const w = text[i];
    return w === "function" || w === "do" || w === "if" ? 1 : w === "end" ? -1 : 0;
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
        if (!isKw(j, "function")) throw new Fail();
        return j;
      }
    }
    throw new Fail();
  };
  const endsOperand = (i: number): boolean => {
    if (i < 0) return false;
    const k = kind[i];
    if (k === T.NAME || k === T.NUMBER || k === T.STRING) return true;
    if (k === T.KEYWORD) return text[i] === "end" || LITERAL_KEYWORDS.has(text[i]!);
    return k === T.OP && (text[i] === ")" || text[i] === "]" || text[i] === "}" || text[i] === "...");
  };

  // ---- forward: last index of the operand starting at i
  const simpleForward = (i: number): number => {
    if (i >= n) throw new Fail();
    const k = kind[i];
    if (k === T.NUMBER || k === T.STRING) return i;
    if (k === T.KEYWORD) {
      if (LITERAL_KEYWORDS.has(text[i]!)) return i;
      if (text[i] === "function") return endForward(i);
      throw new Fail();
    }
    if (isOp(i, "...")) return i;
    if (isOp(i, "{")) return matchForward(i);
    let j: number;
    if (k === T.NAME) j = i;
    else if (isOp(i, "(")) j = matchForward(i);
    else throw new Fail();
    for (;;) {
      const x = j + 1;
      if (isOp(x, ".")) j = x + 1;
      else if (isOp(x, ":")) {
        j = x + 1;
        const a = j + 1;
        if (isOp(a, "(") || isOp(a, "{")) j = matchForward(a);
        else if (kind[a] === T.STRING) j = a;
        else throw new Fail();
      } else if (isOp(x, "[") || isOp(x, "(") || isOp(x, "{")) j = matchForward(x);
      else if (x < n && kind[x] === T.STRING) j = x;
      else return j;
    }
  };
  const operandForward = (i: number): number => {
    for (;;) {
      while (isOp(i, "-") || isOp(i, "#") || isKw(i, "not")) i++;
      const j = simpleForward(i);
      if (j + 1 < n && kind[j + 1] === T.OP && HIGH_BINARY.has(text[j + 1]!)) {
        i = j + 2;
        continue;
      }
      return j;
    }
  };

  // ---- backward: first index of the operand ending at j
  const simpleBackward = (j: number): number => {
    if (j < 0) throw new Fail();
    const k = kind[j];
    if (k === T.NUMBER) return j;
    if (k === T.KEYWORD) {
      if (LITERAL_KEYWORDS.has(text[j]!)) return j;
      if (text[j] === "end") return functionBackward(j);
      throw new Fail();
    }
    if (isOp(j, "...")) return j;
    let s: number;
    if (k === T.NAME || k === T.STRING) s = j;
    else if (isOp(j, ")") || isOp(j, "]") || isOp(j, "}")) s = matchBackward(j);
    else throw new Fail();
    // Is this atom a suffix of something before it?
    for (;;) {
      const p = s - 1;
      if (kind[s] === T.NAME) {
        if (isOp(p, ".") || isOp(p, ":")) {
          s = atomBackward(p - 1);
          continue;
        }
        return s;
      }
      if (isOp(s, "[")) {
        s = atomBackward(p);
        continue;
      }
      // ( ... ), { ... }, "string": a call's arguments when something callable precedes
      if (p >= 0 && (kind[p] === T.NAME || isOp(p, ")") || isOp(p, "]"))) {
        s = atomBackward(p);
        continue;
      }
      if (isOp(s, "{") || kind[s] === T.STRING) {
        // a table constructor or string literal on its own
        return s;
      }
      return s;
    }
  };
  /** Start of the atom (Name or bracket group) ending at j, without looking further back. */
  const atomBackward = (j: number): number => {
    if (j < 0) throw new Fail();
    if (kind[j] === T.NAME || kind[j] === T.STRING) return j;
    if (isOp(j, ")") || isOp(j, "]") || isOp(j, "}")) return matchBackward(j);
    throw new Fail();
  };
  const operandBackward = (j: number): number => {
    let s = simpleBackward(j);
    for (;;) {
      const p = s - 1;
      if (isOp(p, "#") || isKw(p, "not")) {
        s = p;
        continue;
      }
      if (isOp(p, "-") && !endsOperand(p - 1)) {
        s = p;
        continue;
      }
      if (p >= 0 && kind[p] === T.OP && HIGH_BINARY.has(text[p]!)) {
        s = simpleBackward(p - 1);
        continue;
      }
      return s;
    }
  };

  /** True when [s, e] needs no conversion: a string, short integer, concatenation or string-valued call. */
  const noNumber = (s: number, e: number): boolean => {
    if (s === e) return kind[s] === T.STRING || (kind[s] === T.NUMBER && SHORT_INT.test(text[s]!));
    if (isOp(s, "(") && isOp(e, ")") && matchForward(s) === e) {
      // ( a .. b ): a concatenation in parentheses (nothing binding looser at its top level)
      let concat = false;
      let d = 0;
      for (let i = s + 1; i < e; i++) {
        if (kind[i] === T.OP) {
          const t = text[i]!;
          if (t in OPENERS) d++;
          else if (t in CLOSERS) d--;
          else if (d === 0 && LOOSER.has(t)) return false;
        } else if (kind[i] === T.KEYWORD) {
          if (text[i] === "function") return false;
          if (d === 0 && (text[i] === "and" || text[i] === "or")) return false;
        } else if (kind[i] === T.CONCAT && d === 0) concat = true;
      }
      return concat;
    }
    if (!isOp(e, ")")) return false;
    const open = matchBackward(e);
    const fn = open - 1;
    if (fn === s && kind[fn] === T.NAME && text[fn] === "tostring") return true;
    if (kind[fn] !== T.NAME || !STRING_RESULT.has(text[fn]!)) return false;
    if (isOp(fn - 1, ":")) return true;
    return isOp(fn - 1, ".") && fn - 2 === s && kind[s] === T.NAME && text[s] === "string";
  };
  const edits: { at: number; text: string; order: number }[] = [];
  const wrapped = new Set<number>();
  let seq = 0;
  const wrap = (first: number, last: number): void => {
    let s = first;
    let e = last;
    if (wrapped.has(s)) return;
    wrapped.add(s);
    if (noNumber(s, e)) return;
    // (x) alone: wrap inside the parentheses, as the tree path does
    while (isOp(s, "(") && matchForward(s) === e && e > s + 1) {
      s++;
      e--;
    }
    const order = seq++;
    edits.push({ at: tk.start[s]!, text: "__rsim_s(", order });
    edits.push({ at: tk.end[e]!, text: ")", order: -1e9 - order });
  };

  try {
    for (let i = 0; i < n; i++) {
      if (kind[i] !== T.CONCAT) continue;
      wrap(operandBackward(i - 1), i - 1);
      wrap(i + 1, operandForward(i + 1));
    }
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
  if (!edits.length) return src;
  edits.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = 'local __rsim_s = ("").__rsim51.s; ';
  let pos = 0;
  for (const e of edits) {
    out += src.slice(pos, e.at) + e.text;
    pos = e.at;
  }
  return out + src.slice(pos);
}
