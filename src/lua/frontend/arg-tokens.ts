/**
 * The fast path of the front end's implicit-`arg` rewrite: a recursive
 * descent over the lexer's tokens (no syntax tree) that finds which vararg
 * functions name `arg` as a free name (not a local, parameter or loop
 * variable in scope), exactly as transform.ts does from luaparse's tree.
 *
 * It accepts only chunks luaparse (Lua 5.2 grammar, as transform.ts runs
 * it) certainly accepts too, and returns undefined for anything else:
 * syntax errors, a `goto` luaparse refuses (no visible label, a jump
 * into the scope of a local, a label defined twice: its checks are
 * followed step by step), `break` outside a loop, `...` outside a vararg function, numerals it
 * does not read the same way, nesting deeper than {@link MAX_DEPTH}. The
 * caller then takes the luaparse path, which reports the error.
 *
 * @internal
 */
import { afterParen, type VarargFn } from "./edits.js";
import * as K from "./tokens.js";
import type { Tokens } from "./tokens.js";

// Token codes as module constants: read through the namespace (K.NAME) each comparison is a
// load and a switch on them runs ~4× slower under V8 (measured on the token loops).
const {
  AND, ASSIGN, BREAK, COLON, COMMA, CONCAT, DBCOLON, DO, DOT, ELSE, ELSEIF, END, FALSE, FOR, FUNCTION, GOTO,
  GT, HASH, IF, IN, LBRACE, LBRACKET, LOCAL, LPAREN, MINUS, NAME, NIL, NOT, NUMBER, OR, PLUS, RBRACE,
  RBRACKET, REPEAT, RETURN, RPAREN, SEMI, STRING, THEN, TRUE, UNTIL, VARARG, WHILE,
} = K;

/** Deeper nesting (blocks, expressions) goes to luaparse. */
const MAX_DEPTH = 150;

class Refuse extends Error {}

/** Binary operators (`..` included) between two operands of an expression. */
function isBinary(k: number): boolean {
  return k === CONCAT || k === AND || k === OR || (k >= PLUS && k <= GT && k !== HASH);
}

/**
 * The vararg functions of the chunk in the order transform.ts lists them
 * (each after the functions nested in it), with whether each names `arg`
 * and `...`; or undefined when the chunk must go through luaparse.
 */
export function varargFunctions(tk: Tokens): VarargFn[] | undefined {
  try {
    return new ArgScan(tk).chunk();
  } catch (e) {
    if (e instanceof Refuse) return undefined;
    throw e;
  }
}

interface Fn extends VarargFn {
  readonly vararg: boolean;
}

/** A block as luaparse's goto checks see it (FullFlowContext). */
interface FlowScope {
  readonly labels: Set<string>;
  /** Locals declared in the block so far. */
  locals: number;
  /** A goto jumps forward into the scope of a local: refused at the next statement. */
  deferred: boolean;
}

/** A goto whose label is not seen yet. */
interface PendingGoto {
  maxDepth: number;
  readonly target: string;
  /** Locals of each enclosing block when the goto was read. */
  readonly localCounts: readonly number[];
}

/** Labels and gotos of one function (luaparse checks them per function). */
interface Flow {
  readonly scopes: FlowScope[];
  pending: PendingGoto[];
}

class ArgScan {
  private p = 0;
  /** Code of the token at p (0 past the end). */
  private cur: number;
  private readonly n: number;
  private readonly kind: Uint8Array;
  private readonly src: string;
  private depth = 0;
  /** Loops open in the current function (for `break`). */
  private loops = 0;
  /** The innermost function (undefined: the main chunk, which may use `...`). */
  private fn: Fn | undefined = undefined;
  private readonly fns: Fn[] = [];
  /**
   * Open scopes, innermost last: whether each declares a local `arg`, and
   * the vararg function whose parameters it holds (if any).
   */
  private readonly scopeArg: boolean[] = [false];
  private readonly scopeFn: (Fn | undefined)[] = [undefined];
  /** The chunk has `goto` or labels: their checks are followed (else they cannot fail). */
  private readonly gotos: boolean;
  /** Labels and gotos of the current function (when {@link gotos}). */
  private flow: Flow = { scopes: [], pending: [] };

  constructor(private readonly tk: Tokens) {
    this.n = tk.n;
    this.kind = tk.kind;
    this.src = tk.source;
    this.cur = this.n > 0 ? this.kind[0]! : 0;
    this.gotos = tk.gotos;
  }

  chunk(): VarargFn[] {
    this.flowPush();
    this.block();
    this.flowPop();
    if (this.tok() !== 0) throw new Refuse();
    return this.fns;
  }

  // ---- tokens

  /** Code of the token at p (0 past the end); a call, so that TypeScript does not narrow it across next(). */
  private tok(): number {
    return this.cur;
  }

  private next(): void {
    const p = ++this.p;
    this.cur = p < this.n ? this.kind[p]! : 0;
  }

  private expect(k: number): void {
    if (this.tok() !== k) throw new Refuse();
    this.next();
  }

  /** True when the name token at p is `arg`. */
  private isArg(): boolean {
    const s = this.tk.start[this.p]!;
    const src = this.src;
    return (
      this.tk.end[this.p]! - s === 3 &&
      src.charCodeAt(s) === 97 &&
      src.charCodeAt(s + 1) === 114 &&
      src.charCodeAt(s + 2) === 103
    );
  }

  /** A name being declared as a local (in the innermost scope). */
  private declare(): void {
    if (this.tok() !== NAME) throw new Refuse();
    if (this.isArg()) this.scopeArg[this.scopeArg.length - 1] = true;
    this.next();
  }

  /** A name read or assigned as a variable. */
  private reference(): void {
    if (this.isArg()) {
      for (let s = this.scopeArg.length - 1; s >= 0; s--) {
        if (this.scopeArg[s]) break;
        const f = this.scopeFn[s];
        if (f !== undefined) {
          f.argUsed = true;
          break;
        }
      }
    }
    this.next();
  }

  private open(fn?: Fn): void {
    this.scopeArg.push(false);
    this.scopeFn.push(fn);
  }

  private close(): void {
    this.scopeArg.pop();
    this.scopeFn.pop();
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new Refuse();
  }

  // ---- luaparse's checks of goto and labels (its FullFlowContext, same steps)

  private flowPush(): void {
    if (this.gotos) this.flow.scopes.push({ labels: new Set(), locals: 0, deferred: false });
  }

  private flowPop(): void {
    if (!this.gotos) return;
    const depth = this.flow.scopes.length;
    for (const g of this.flow.pending) {
      if (g.maxDepth >= depth && --g.maxDepth <= 0) throw new Refuse(); // no visible label
    }
    this.flow.scopes.pop();
  }

  private flowLocal(): void {
    if (this.gotos) this.flow.scopes[this.flow.scopes.length - 1]!.locals++;
  }

  /** Before each statement other than `;` and a label. */
  private flowDeferred(): void {
    if (this.gotos && this.flow.scopes[this.flow.scopes.length - 1]!.deferred) throw new Refuse(); // jumps into a local's scope
  }

  private flowGoto(target: string): void {
    const scopes = this.flow.scopes;
    const localCounts: number[] = [];
    for (const sc of scopes) {
      localCounts.push(sc.locals);
      if (sc.labels.has(target)) return;
    }
    this.flow.pending.push({ maxDepth: scopes.length, target, localCounts });
  }

  private flowLabel(name: string): void {
    const scopes = this.flow.scopes;
    const scope = scopes[scopes.length - 1]!;
    if (scope.labels.has(name)) throw new Refuse(); // label already defined
    const kept: PendingGoto[] = [];
    for (const g of this.flow.pending) {
      if (g.maxDepth >= scopes.length && g.target === name) {
        if (g.localCounts[scopes.length - 1]! < scope.locals) scope.deferred = true;
        continue;
      }
      kept.push(g);
    }
    this.flow.pending = kept;
    scope.labels.add(name);
  }

  /** Text of the name token at p. */
  private name(): string {
    if (this.tok() !== NAME) throw new Refuse();
    return this.src.slice(this.tk.start[this.p], this.tk.end[this.p]);
  }

  // ---- statements

  /** Statements up to `end`, `else`, `elseif`, `until` or the end of the chunk. */
  private block(): void {
    this.enter();
    for (;;) {
      const t = this.tok();
      if (t === 0 || t === END || t === ELSE || t === ELSEIF || t === UNTIL) break;
      if (t === RETURN) {
        this.flowDeferred();
        this.next();
        if (this.tok() !== END && this.startsExpression()) this.exprList();
        if (this.tok() === SEMI) this.next();
        break;
      }
      this.statement();
      if (this.tok() === SEMI) this.next();
    }
    this.depth--;
  }

  private statement(): void {
    const t = this.tok();
    if (t === SEMI) {
      this.next();
      return;
    }
    if (t === DBCOLON) {
      this.next();
      const label = this.name();
      this.next();
      this.expect(DBCOLON);
      this.flowLabel(label);
      return;
    }
    this.flowDeferred();
    switch (t) {
      case GOTO: {
        this.next();
        const target = this.name();
        this.next();
        this.flowGoto(target);
        return;
      }
      case LOCAL:
        this.next();
        if (this.tok() === FUNCTION) {
          this.next();
          this.flowLocal();
          this.declare();
          this.body();
          return;
        }
        {
          const first = this.p;
          if (this.tok() !== NAME) throw new Refuse();
          this.flowLocal();
          this.next();
          while (this.tok() === COMMA) {
            this.next();
            if (this.tok() !== NAME) throw new Refuse();
            this.flowLocal();
            this.next();
          }
          const last = this.p;
          if (this.tok() === ASSIGN) {
            this.next();
            this.exprList();
          }
          // The names are locals only after their values are evaluated.
          const here = this.p;
          for (let q = first; q < last; q += 2) {
            this.p = q;
            if (this.isArg()) this.scopeArg[this.scopeArg.length - 1] = true;
          }
          this.p = here;
        }
        return;
      case IF:
        this.next();
        this.expr();
        this.expect(THEN);
        this.scopedBlock();
        while (this.tok() === ELSEIF) {
          this.next();
          this.expr();
          this.expect(THEN);
          this.scopedBlock();
        }
        if (this.tok() === ELSE) {
          this.next();
          this.scopedBlock();
        }
        this.expect(END);
        return;
      case FUNCTION: {
        this.next();
        if (this.tok() !== NAME) throw new Refuse();
        this.reference();
        while (this.tok() === DOT) {
          this.next();
          this.expect(NAME);
        }
        if (this.tok() === COLON) {
          this.next();
          this.expect(NAME);
        }
        this.body(); // a method's implicit `self` matters only for the name `arg`: nothing to note
        return;
      }
      case WHILE:
        this.next();
        this.expr();
        this.expect(DO);
        this.loops++;
        this.scopedBlock();
        this.loops--;
        this.expect(END);
        return;
      case FOR:
        this.next();
        if (this.tok() !== NAME) throw new Refuse();
        if (this.kind[this.p + 1] === ASSIGN) {
          const v = this.p;
          this.next();
          this.next();
          this.expr();
          this.expect(COMMA);
          this.expr();
          if (this.tok() === COMMA) {
            this.next();
            this.expr();
          }
          this.forBody(v, v + 1);
        } else {
          const first = this.p;
          this.next();
          while (this.tok() === COMMA) {
            this.next();
            if (this.tok() !== NAME) throw new Refuse();
            this.next();
          }
          const last = this.p;
          this.expect(IN);
          this.exprList();
          this.forBody(first, last);
        }
        return;
      case REPEAT:
        this.next();
        this.loops++;
        this.open();
        this.flowPush();
        this.block();
        this.expect(UNTIL);
        this.flowDeferred();
        this.expr(); // sees the body's locals
        this.flowPop();
        this.close();
        this.loops--;
        return;
      case BREAK:
        if (this.loops === 0) throw new Refuse(); // luaparse: no loop to break
        this.next();
        return;
      case DO:
        this.next();
        this.scopedBlock();
        this.expect(END);
        return;
      case NAME:
      case LPAREN:
        this.assignmentOrCall();
        return;
      default:
        throw new Refuse(); // not a statement
    }
  }

  /** A block of its own (if/elseif/else, while, do). */
  private scopedBlock(): void {
    this.open();
    this.flowPush();
    this.block();
    this.flowPop();
    this.close();
  }

  /** `do block end` of a for loop whose variables are the names at [first, last) (every other token). */
  private forBody(first: number, last: number): void {
    this.expect(DO);
    this.open();
    const here = this.p;
    for (let q = first; q < last; q += 2) {
      this.p = q;
      if (this.isArg()) this.scopeArg[this.scopeArg.length - 1] = true;
    }
    this.p = here;
    this.loops++;
    this.flowPush();
    this.block();
    this.flowPop();
    this.loops--;
    this.close();
    this.expect(END);
  }

  /** `a, b.c, d[e] = explist` or a call statement (luaparse's rules for which targets are assignable). */
  private assignmentOrCall(): void {
    let targets = 0;
    for (;;) {
      // 1: assignable, 0: a call, -1: neither
      let lvalue: number;
      if (this.tok() === NAME) {
        this.reference();
        lvalue = 1;
      } else if (this.tok() === LPAREN) {
        this.next();
        this.expr();
        this.expect(RPAREN);
        lvalue = -1;
      } else throw new Refuse();
      for (;;) {
        const t = this.tok();
        if (t === DOT || t === LBRACKET) lvalue = 1;
        else if (t === COLON || t === LPAREN || t === LBRACE || t === STRING) lvalue = 0;
        else break;
        this.suffix();
      }
      targets++;
      if (this.tok() !== COMMA) {
        if (targets === 1 && lvalue === 0) return; // a call
        if (lvalue !== 1) throw new Refuse();
        break;
      }
      if (lvalue !== 1) throw new Refuse();
      this.next();
    }
    this.expect(ASSIGN);
    this.exprList();
  }

  /** Parameters and body of a function; `(` is next. */
  private body(): void {
    this.expect(LPAREN);
    const params: number[] = [];
    let vararg = false;
    let varargEnd = 0;
    if (this.tok() !== RPAREN) {
      for (;;) {
        if (this.tok() === NAME) {
          params.push(this.p);
          this.next();
          if (this.tok() === COMMA) {
            this.next();
            continue;
          }
        } else if (this.tok() === VARARG) {
          vararg = true;
          varargEnd = this.tk.end[this.p]!;
          this.next();
        } else throw new Refuse();
        break;
      }
    }
    this.expect(RPAREN);
    const fn: Fn = {
      vararg,
      bodyAt: vararg ? afterParen(this.src, varargEnd) : 0,
      usesVararg: false,
      argUsed: false,
    };
    this.open(vararg ? fn : undefined);
    const here = this.p;
    for (const q of params) {
      this.p = q;
      if (this.isArg()) this.scopeArg[this.scopeArg.length - 1] = true;
    }
    this.p = here;
    const outerFn = this.fn;
    const outerLoops = this.loops;
    const outerFlow = this.flow;
    this.fn = fn;
    this.loops = 0;
    if (this.gotos) this.flow = { scopes: [], pending: [] };
    this.flowPush();
    this.block();
    this.flowPop();
    this.expect(END);
    this.fn = outerFn;
    this.loops = outerLoops;
    this.flow = outerFlow;
    this.close();
    if (vararg) this.fns.push(fn);
  }

  // ---- expressions

  private startsExpression(): boolean {
    const t = this.tok();
    return (
      t === NAME ||
      t === LPAREN ||
      t === NUMBER ||
      t === STRING ||
      t === VARARG ||
      t === LBRACE ||
      t === FUNCTION ||
      t === NIL ||
      t === TRUE ||
      t === FALSE ||
      t === NOT ||
      t === MINUS ||
      t === HASH
    );
  }

  private exprList(): void {
    this.expr();
    while (this.tok() === COMMA) {
      this.next();
      this.expr();
    }
  }

  /** unop* operand (binop unop* operand)*: what luaparse's precedence climbing accepts. */
  private expr(): void {
    this.enter();
    for (;;) {
      while (this.tok() === NOT || this.tok() === MINUS || this.tok() === HASH) this.next();
      this.operand();
      if (!isBinary(this.tok())) break;
      this.next();
    }
    this.depth--;
  }

  private operand(): void {
    switch (this.tok()) {
      case NUMBER:
        if (!this.plainNumber()) throw new Refuse();
        this.next();
        return;
      case STRING:
      case NIL:
      case TRUE:
      case FALSE:
        this.next();
        return;
      case VARARG: {
        const f = this.fn;
        if (f !== undefined) {
          if (!f.vararg) throw new Refuse(); // luaparse: cannot use '...' outside a vararg function
          f.usesVararg = true;
        }
        this.next();
        return;
      }
      case FUNCTION:
        this.next();
        this.body();
        return;
      case LBRACE:
        this.table();
        return;
      case NAME:
        this.reference();
        break;
      case LPAREN:
        this.next();
        this.expr();
        this.expect(RPAREN);
        break;
      default:
        throw new Refuse();
    }
    for (;;) {
      const t = this.tok();
      if (t === DOT || t === LBRACKET || t === COLON || t === LPAREN || t === LBRACE || t === STRING) {
        this.suffix();
      } else return;
    }
  }

  /** `.name`, `[exp]`, `:name args` or args. */
  private suffix(): void {
    switch (this.tok()) {
      case DOT:
        this.next();
        this.expect(NAME);
        return;
      case LBRACKET:
        this.next();
        this.expr();
        this.expect(RBRACKET);
        return;
      case COLON:
        this.next();
        this.expect(NAME);
        if (this.tok() !== LPAREN && this.tok() !== LBRACE && this.tok() !== STRING) throw new Refuse();
        this.suffix();
        return;
      case LPAREN:
        this.next();
        if (this.tok() !== RPAREN) this.exprList();
        this.expect(RPAREN);
        return;
      case LBRACE:
        this.table();
        return;
      default: // a string argument
        this.next();
    }
  }

  /** `{ fields }`, at `{`. */
  private table(): void {
    this.enter();
    this.next();
    while (this.tok() !== RBRACE) {
      if (this.tok() === LBRACKET) {
        this.next();
        this.expr();
        this.expect(RBRACKET);
        this.expect(ASSIGN);
        this.expr();
      } else if (this.tok() === NAME && this.kind[this.p + 1] === ASSIGN) {
        this.next(); // a field name, not a variable
        this.next();
        this.expr();
      } else this.expr();
      if (this.tok() !== COMMA && this.tok() !== SEMI) break;
      this.next();
    }
    this.expect(RBRACE);
    this.depth--;
  }

  /**
   * True when the numeral at p is one luaparse reads as exactly this token:
   * decimal (`3`, `3.`, `.5`, `1e-3`) or hexadecimal integer (`0xFF`).
   */
  private plainNumber(): boolean {
    const src = this.src;
    let i = this.tk.start[this.p]!;
    const end = this.tk.end[this.p]!;
    let c = src.charCodeAt(i);
    if (c === 48 && (src.charCodeAt(i + 1) | 32) === 120) {
      i += 2;
      if (i === end) return false;
      for (; i < end; i++) {
        c = src.charCodeAt(i) | 32;
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
      }
      return true;
    }
    let digits = 0;
    while (i < end && isDigit(src.charCodeAt(i))) {
      i++;
      digits++;
    }
    if (i < end && src.charCodeAt(i) === 46) {
      i++;
      while (i < end && isDigit(src.charCodeAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits === 0) return false;
    if (i < end && (src.charCodeAt(i) | 32) === 101) {
      i++;
      if (i < end && (src.charCodeAt(i) === 43 || src.charCodeAt(i) === 45)) i++;
      if (i === end || !isDigit(src.charCodeAt(i))) return false;
      while (i < end && isDigit(src.charCodeAt(i))) i++;
    }
    return i === end;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
