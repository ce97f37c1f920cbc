/**
 * The quickest way the front end decides the implicit-`arg` rewrite: one
 * pass over the lexer's tokens that follows only the nesting of functions,
 * blocks and table constructors, for chunks that declare nothing named
 * `arg` (no local, parameter, loop variable or local function of that
 * name; most chunks).
 *
 * Without such a declaration, every `arg` read or assigned as a variable
 * means the implicit `arg` of the innermost vararg function around it
 * (5.1's rule), or a global when there is none; so the nesting alone
 * settles which vararg functions name `arg`, and which use `...`
 * themselves. A chunk that declares `arg`, or whose nesting does not add
 * up, goes to the recursive descent of arg-tokens.ts (undefined here).
 *
 * This pass checks no grammar beyond the nesting: a chunk with a syntax
 * error elsewhere gets a translation whose compilation fails with Lua's
 * own message at the same line, as the untranslated chunk's would (the
 * only insertions are whole statements at the start of a vararg function's
 * body, and no line moves).
 *
 * @internal
 */
import type { VarargFn } from "./edits.js";
import * as K from "./tokens.js";
import type { Tokens } from "./tokens.js";

// Token codes as module constants: read through the namespace (K.NAME) each comparison is a
// load and a switch on them runs ~4× slower under V8 (measured on the token loops).
const { ASSIGN, COMMA, DBCOLON, DO, END, FOR, FUNCTION, GOTO, IF, LBRACE, LOCAL, NAME, RBRACE, REPEAT, RPAREN, SEMI, UNTIL, VARARG } = K;

/** What is open: a function, a block closed by `end` (`do`, `if`), a `repeat`, a table constructor. */
const OPEN_FN = 1;
const OPEN_BLOCK = 2;
const OPEN_REPEAT = 3;
const OPEN_BRACE = 4;

interface LightFn extends VarargFn {
  readonly vararg: boolean;
}

/**
 * The vararg functions of the chunk, each after the functions nested in
 * it (as arg-tokens.ts lists them), with whether each names `arg` and
 * `...`; undefined when the chunk declares something named `arg` or its
 * nesting does not add up.
 */
export function varargFunctionsLight(tk: Tokens): VarargFn[] | undefined {
  const { n, kind, args } = tk;
  const out: LightFn[] = [];
  const open: number[] = [];
  const fns: LightFn[] = []; // the open functions, innermost last
  let a = 0; // the next `arg` token is args[a]
  let nextArg = args.length > 0 ? args[0]! : -1;
  for (let i = 0; i < n; i++) {
    switch (kind[i]) {
      case FUNCTION: {
        // `function a.b:c(x, ...)`: no grammar checked, up to the first `)` (a valid header has no other).
        if (i + 1 === nextArg) {
          if (kind[i - 1] === LOCAL) return undefined; // `local function arg`
          reference(fns); // `function arg()` / `function arg.x()` assigns the variable arg
          nextArg = ++a < args.length ? args[a]! : -1;
        }
        let j = i + 1;
        let vararg = false;
        while (j < n && kind[j] !== RPAREN) {
          if (j === nextArg) return undefined; // a parameter named arg
          if (kind[j] === VARARG) vararg = true;
          j++;
        }
        if (j === n) return undefined;
        fns.push({ vararg, bodyAt: vararg ? tk.end[j]! : 0, usesVararg: false, argUsed: false });
        open.push(OPEN_FN);
        i = j;
        break;
      }
      case LOCAL:
      case FOR: {
        // `local a, b`, `for a, b in` / `for a =`: a name list declared (`local function` comes to FUNCTION next).
        let j = i + 1;
        while (kind[j] === NAME) {
          if (j === nextArg) return undefined; // a local or loop variable named arg
          if (kind[j + 1] !== COMMA) break;
          j += 2;
        }
        break;
      }
      case DO:
      case IF:
        open.push(OPEN_BLOCK);
        break;
      case REPEAT:
        open.push(OPEN_REPEAT);
        break;
      case LBRACE:
        open.push(OPEN_BRACE);
        break;
      case END: {
        const o = open.pop();
        if (o === OPEN_FN) {
          const fn = fns.pop()!;
          if (fn.vararg) out.push(fn);
        } else if (o !== OPEN_BLOCK) return undefined;
        break;
      }
      case UNTIL:
        if (open.pop() !== OPEN_REPEAT) return undefined;
        break;
      case RBRACE:
        if (open.pop() !== OPEN_BRACE) return undefined;
        break;
      case VARARG: {
        const fn = fns[fns.length - 1];
        if (fn !== undefined) {
          if (!fn.vararg) return undefined; // `...` outside a vararg function: a syntax error, left to the descent
          fn.usesVararg = true;
        }
        break;
      }
      case NAME:
        if (i === nextArg) {
          nextArg = ++a < args.length ? args[a]! : -1;
          const before = kind[i - 1];
          // A label's name (`goto arg`, `::arg::`); after a label's closing `::` (`::top:: arg = 1`) it is the variable.
          if (before === GOTO || (before === DBCOLON && kind[i + 1] === DBCOLON)) break;
          // `{ arg = 1 }`, `{ x, arg = 1 }`: a field name, not the variable.
          if (kind[i + 1] === ASSIGN && (before === LBRACE || before === COMMA || before === SEMI) && open[open.length - 1] === OPEN_BRACE) {
            break;
          }
          reference(fns);
        }
        break;
      default:
        break;
    }
  }
  return open.length === 0 ? out : undefined;
}

/** `arg` read or assigned as a variable: the implicit `arg` of the innermost vararg function open. */
function reference(fns: readonly LightFn[]): void {
  for (let f = fns.length - 1; f >= 0; f--) {
    const fn = fns[f]!;
    if (fn.vararg) {
      fn.argUsed = true;
      return;
    }
  }
}
