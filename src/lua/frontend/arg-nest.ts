/**
 * The quickest way the front end decides the implicit-`arg` rewrite: the
 * lexer (lex51.ts) reports the tokens that open and close functions,
 * blocks and table constructors, and each `arg` and `...`, as it reads
 * them; this follows that nesting, for chunks that declare nothing named
 * `arg` (no local, parameter, loop variable or local function of that
 * name; most chunks). No token is stored for it.
 *
 * Without such a declaration, every `arg` read or assigned as a variable
 * means the implicit `arg` of the innermost vararg function around it
 * (5.1's rule), or a global when there is none; so the nesting alone
 * settles which vararg functions name `arg`, and which use `...`
 * themselves. A chunk that declares `arg`, whose nesting does not add up,
 * or where a comment stands between an `arg` and what tells its role, is
 * left undecided (the recursive descent of arg-tokens.ts decides it on the
 * tokens).
 *
 * Nothing of the grammar is checked beyond the nesting: a chunk with a
 * syntax error elsewhere gets a translation whose compilation fails with
 * Lua's own message at the same line, as the untranslated chunk's would
 * (the only insertions are whole statements at the start of a vararg
 * function's body, and no line moves).
 *
 * @internal
 */
import type { VarargFn } from "./edits.js";
import * as K from "./tokens.js";

// Token codes as module constants (see lex51.ts).
const { COMMA, DBCOLON, DO, END, FUNCTION, GOTO, IF, LBRACE, LOCAL, REPEAT, SEMI, UNTIL } = K;

/** What is open: a function, a block closed by `end` (`do`, `if`), a `repeat`, a table constructor. */
const OPEN_FN = 1;
const OPEN_BLOCK = 2;
const OPEN_REPEAT = 3;
const OPEN_BRACE = 4;

/** A vararg function as the nesting follows it. */
interface NestFn extends VarargFn {
  readonly vararg: boolean;
}

/**
 * The nesting of one chunk as its lexer reads it. The lexer calls
 * {@link keyword}, {@link arg}, {@link vararg}, {@link rparen},
 * {@link lbrace} and {@link rbrace} at those tokens only, and
 * {@link result} at the end.
 */
export class ArgNest {
  /** False once the nesting cannot settle the chunk. */
  private ok = true;
  /** What is open, innermost last (OPEN_*). */
  private readonly open: number[] = [];
  /** The functions open, innermost last. */
  private readonly fns: NestFn[] = objectList();
  /** The vararg functions closed, in the order they end. */
  private readonly closed: NestFn[] = objectList();
  /** Between `function` and the first `)` (its name and parameters): what comes there opens nothing. */
  header = false;
  /** That `function` came after `local`. */
  private headerLocal = false;
  /** A `...` in that header. */
  private headerVararg = false;

  /** A keyword; `before` is the previous token's code. */
  keyword(k: number, before: number): void {
    if (this.header) return;
    switch (k) {
      case FUNCTION:
        this.header = true;
        this.headerLocal = before === LOCAL;
        this.headerVararg = false;
        break;
      case DO:
      case IF:
        this.open.push(OPEN_BLOCK);
        break;
      case REPEAT:
        this.open.push(OPEN_REPEAT);
        break;
      case END: {
        const o = this.open.pop();
        if (o === OPEN_FN) {
          const fn = this.fns.pop()!;
          if (fn.vararg) this.closed.push(fn);
        } else if (o !== OPEN_BLOCK) this.ok = false;
        break;
      }
      case UNTIL:
        if (this.open.pop() !== OPEN_REPEAT) this.ok = false;
        break;
      default:
        break;
    }
  }

  /**
   * The name `arg` (not a field name after `.` or `:`): `before` is the
   * previous token's code, `declared` whether it stands where a local or
   * loop variable is declared, and `a[next]` the first character after it
   * (the chunk's char codes, 0 past its end).
   */
  arg(before: number, declared: boolean, a: Uint16Array, next: number): void {
    if (this.header) {
      // `function arg()` / `function arg.x()` assigns or reads the variable; `local function arg`, a parameter: declared.
      if (before === FUNCTION && !this.headerLocal) this.reference();
      else this.ok = false;
      return;
    }
    if (declared) {
      this.ok = false;
      return;
    }
    if (before === GOTO) return; // a label's name
    if (before === DBCOLON) {
      // `::arg::` names a label; after a label's closing `::` (`::top:: arg = 1`) it is the variable.
      const c = nextChar(a, next);
      if (c < 0) this.ok = false;
      else if (!(a[c] === 58 && a[c + 1] === 58)) this.reference();
      return;
    }
    if ((before === LBRACE || before === COMMA || before === SEMI) && this.open[this.open.length - 1] === OPEN_BRACE) {
      // `{ arg = 1 }`, `{ x, arg = 1 }`: a field name, not the variable.
      const c = nextChar(a, next);
      if (c < 0) this.ok = false;
      else if (!(a[c] === 61 && a[c + 1] !== 61)) this.reference();
      return;
    }
    this.reference();
  }

  /** `...`. */
  vararg(): void {
    if (this.header) {
      this.headerVararg = true;
      return;
    }
    const fn = this.fns[this.fns.length - 1];
    if (fn === undefined) return;
    if (fn.vararg) fn.usesVararg = true;
    else this.ok = false; // `...` outside a vararg function: a syntax error, left to the descent
  }

  /** A `)` ending a function's header (call only while {@link header}); `bodyAt` is the offset after it. */
  rparen(bodyAt: number): void {
    this.header = false;
    const vararg = this.headerVararg;
    this.fns.push({ vararg, bodyAt: vararg ? bodyAt : 0, usesVararg: false, argUsed: false });
    this.open.push(OPEN_FN);
  }

  /** `{`. */
  lbrace(): void {
    if (!this.header) this.open.push(OPEN_BRACE);
  }

  /** `}`. */
  rbrace(): void {
    if (!this.header && this.open.pop() !== OPEN_BRACE) this.ok = false;
  }

  /**
   * The vararg functions, each after the functions nested in it (as
   * arg-tokens.ts lists them), with whether each names `arg` and `...`;
   * undefined when the nesting did not settle the chunk.
   */
  result(): VarargFn[] | undefined {
    return this.ok && this.open.length === 0 && !this.header ? this.closed : undefined;
  }

  /** `arg` read or assigned as a variable: the implicit `arg` of the innermost vararg function open. */
  private reference(): void {
    const fns = this.fns;
    for (let f = fns.length - 1; f >= 0; f--) {
      if (fns[f]!.vararg) {
        fns[f]!.argUsed = true;
        return;
      }
    }
  }
}

const NO_FN: NestFn = { vararg: false, bodyAt: 0, usesVararg: false, argUsed: false };

/**
 * An empty list that holds objects from the start. A new `[]` first holds
 * small integers only (V8's elements kinds), and turns into a list of objects
 * at its first object: the lexer's code, optimised for one kind, was thrown
 * away for the other again and again while a process translated its first
 * chunks (and kept running unoptimised meanwhile).
 */
function objectList(): NestFn[] {
  const list = [NO_FN];
  list.pop();
  return list;
}

/** Index of the first char at or after `i` that is not blank; -1 if a comment comes first. */
function nextChar(a: Uint16Array, i: number): number {
  for (;;) {
    const c = a[i];
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) i++;
    else if (c === 45 && a[i + 1] === 45) return -1;
    else return i;
  }
}
