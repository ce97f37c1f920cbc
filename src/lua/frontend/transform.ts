/**
 * The grammar half of the Lua 5.1 front end: parses the (already lexed)
 * chunk with luaparse and inserts what 5.4 needs to behave like 5.1,
 * without adding or removing a line break:
 *
 * - **Concatenation** prints numbers as 5.1 does: every operand of `..`
 *   that is not a string literal, a short integer literal, another
 *   concatenation or a call that yields a string (`tostring(x)`,
 *   `string.format(...)`, `s:sub(...)`, ...) is wrapped in `__rsim_s(...)`, which turns a number into
 *   its 5.1 text (`10/2 .. ""` is `"5"`) and leaves anything else alone.
 * - **The implicit `arg` table** of vararg functions (LUA_COMPAT_VARARG):
 *   a `...` function that refers to `arg` (not shadowed by a local of that
 *   name) gets `local arg = {n = select("#", ...), ...}` at the start of its
 *   body, or a nil `local arg` when it also uses `...` itself (as 5.1 does).
 *
 * The helpers come from a chunk-level local read off the string metatable
 * (`("").__rsim51`), so they work whatever environment (`setfenv`) the
 * chunk later runs in.
 *
 * @internal
 */
import type * as ast from "luaparse";
import { lazyRequire } from "../../core/node-require.js";
import { afterParen, finishChunk, type Edit } from "./edits.js";

/** luaparse, loaded when a chunk first needs the descent (see node-require.ts). */
const luaparse = lazyRequire<typeof ast>("luaparse");

type Range = [number, number];
type N = ast.Node & { range: Range };

interface FnCtx {
  readonly vararg: boolean;
  usesVararg: boolean;
  argUsed: boolean;
  /** Offset right after the parameter list's `)`. */
  readonly bodyAt: number;
}

interface Scope {
  readonly names: Set<string>;
  readonly parent: Scope | undefined;
  /** Set on the scope holding a function's parameters. */
  readonly fn: FnCtx | undefined;
}

/** Thrown by luaparse: message `[line:col] text`. */
interface LuaParseError {
  line: number;
  message: string;
}

/** Result of {@link transform51}. */
export type TransformResult =
  | { ok: true; source: string }
  | { ok: false; line: number; message: string };

const SHORT_INT = /^[0-9]{1,14}$/;

/** string.* functions and string methods whose result is a string (never a number). */
const STRING_RESULT = new Set(["format", "sub", "upper", "lower", "rep", "reverse", "gsub", "char"]);

/** True for `tostring(...)`, `string.format(...)`, `s:sub(...)` and the like: no number to format. */
function yieldsString(base: ast.Expression): boolean {
  if (base.type === "Identifier") return base.name === "tostring";
  if (base.type !== "MemberExpression" || !STRING_RESULT.has(base.identifier.name)) return false;
  if (base.indexer === ":") return true;
  return base.base.type === "Identifier" && base.base.name === "string";
}

/** Parses `src` (5.4-lexable, see lex51) and applies the 5.1 rewrites. */
export function transform51(src: string, wantConcat: boolean, wantArg: boolean): TransformResult {
  let chunk: ast.Chunk;
  try {
    chunk = luaparse().parse(src, {
      luaVersion: "5.2",
      ranges: true,
      comments: false,
      encodingMode: "none",
    });
  } catch (e) {
    const err = e as LuaParseError;
    if (typeof err.line !== "number") throw e;
    return { ok: false, line: err.line, message: err.message.replace(/^\[\d+:\d+\] /, "") };
  }
  const w = new Walker(src, wantConcat, wantArg);
  w.block(chunk.body, { names: new Set(), parent: undefined, fn: undefined });
  return { ok: true, source: w.apply() };
}

class Walker {
  private readonly edits: Edit[] = [];
  private seq = 0;
  private readonly fns: FnCtx[] = [];
  private usedS = false;
  private fn: FnCtx | undefined;

  constructor(
    private readonly src: string,
    private readonly wantConcat: boolean,
    private readonly wantArg: boolean,
  ) {}

  apply(): string {
    return finishChunk(this.src, this.edits, this.usedS, this.fns);
  }

  block(body: ast.Statement[], scope: Scope): void {
    for (const s of body) this.statement(s, scope);
  }

  private child(scope: Scope): Scope {
    return { names: new Set(), parent: scope, fn: undefined };
  }

  private statement(s: ast.Statement, scope: Scope): void {
    switch (s.type) {
      case "LocalStatement":
        for (const e of s.init) this.expr(e, scope);
        for (const v of s.variables) scope.names.add(v.name);
        return;
      case "AssignmentStatement":
        for (const v of s.variables) this.expr(v, scope);
        for (const e of s.init) this.expr(e, scope);
        return;
      case "CallStatement":
        this.expr(s.expression, scope);
        return;
      case "FunctionDeclaration":
        if (s.isLocal && s.identifier?.type === "Identifier") scope.names.add(s.identifier.name);
        else if (s.identifier) this.expr(s.identifier, scope);
        this.func(s as ast.FunctionDeclaration & N, scope);
        return;
      case "ReturnStatement":
        for (const e of s.arguments) this.expr(e, scope);
        return;
      case "IfStatement":
        for (const c of s.clauses) {
          if (c.type !== "ElseClause") this.expr(c.condition, scope);
          this.block(c.body, this.child(scope));
        }
        return;
      case "WhileStatement":
        this.expr(s.condition, scope);
        this.block(s.body, this.child(scope));
        return;
      case "DoStatement":
        this.block(s.body, this.child(scope));
        return;
      case "RepeatStatement": {
        const inner = this.child(scope);
        this.block(s.body, inner);
        this.expr(s.condition, inner);
        return;
      }
      case "ForNumericStatement": {
        this.expr(s.start, scope);
        this.expr(s.end, scope);
        if (s.step) this.expr(s.step, scope);
        const inner = this.child(scope);
        inner.names.add(s.variable.name);
        this.block(s.body, inner);
        return;
      }
      case "ForGenericStatement": {
        for (const e of s.iterators) this.expr(e, scope);
        const inner = this.child(scope);
        for (const v of s.variables) inner.names.add(v.name);
        this.block(s.body, inner);
        return;
      }
      default:
        return; // labels, goto, break
    }
  }

  private func(f: ast.FunctionDeclaration & N, scope: Scope): void {
    const params = f.parameters;
    const last = params[params.length - 1] as (N & ast.Node) | undefined;
    const vararg = last?.type === "VarargLiteral";
    const ctx: FnCtx = {
      vararg,
      usesVararg: false,
      argUsed: false,
      bodyAt: vararg && this.wantArg ? afterParen(this.src, last.range[1]) : 0,
    };
    const inner: Scope = { names: new Set(), parent: scope, fn: ctx };
    const id = f.identifier;
    if (id?.type === "MemberExpression" && id.indexer === ":") inner.names.add("self");
    for (const p of params) if (p.type === "Identifier") inner.names.add(p.name);
    const outer = this.fn;
    this.fn = ctx;
    this.block(f.body, inner);
    this.fn = outer;
    if (vararg) this.fns.push(ctx);
  }

  private resolveArg(scope: Scope): void {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.names.has("arg")) return;
      if (s.fn?.vararg) {
        s.fn.argUsed = true;
        return;
      }
    }
  }

  private wrap(e: ast.Expression): void {
    const n = e as ast.Expression & N;
    if (n.type === "StringLiteral") return;
    if (n.type === "BinaryExpression" && n.operator === "..") return;
    if (n.type === "NumericLiteral" && SHORT_INT.test(n.raw)) return;
    if (n.type === "CallExpression" && yieldsString(n.base)) return;
    this.usedS = true;
    const order = this.seq++;
    this.edits.push({ at: n.range[0], text: "__rsim_s(", order });
    this.edits.push({ at: n.range[1], text: ")", order: -1e9 - order });
  }

  private expr(e: ast.Expression | null | undefined, scope: Scope): void {
    if (!e) return;
    switch (e.type) {
      case "Identifier":
        if (e.name === "arg" && this.wantArg) this.resolveArg(scope);
        return;
      case "VarargLiteral":
        if (this.fn) this.fn.usesVararg = true;
        return;
      case "FunctionDeclaration":
        this.func(e as ast.FunctionDeclaration & N, scope);
        return;
      case "BinaryExpression":
        if (e.operator === ".." && this.wantConcat) {
          this.wrap(e.left);
          this.wrap(e.right);
        }
        this.expr(e.left, scope);
        this.expr(e.right, scope);
        return;
      case "LogicalExpression":
        this.expr(e.left, scope);
        this.expr(e.right, scope);
        return;
      case "UnaryExpression":
        this.expr(e.argument, scope);
        return;
      case "MemberExpression":
        this.expr(e.base, scope);
        return;
      case "IndexExpression":
        this.expr(e.base, scope);
        this.expr(e.index, scope);
        return;
      case "CallExpression":
        this.expr(e.base, scope);
        for (const a of e.arguments) this.expr(a, scope);
        return;
      case "TableCallExpression":
        this.expr(e.base, scope);
        this.expr(e.arguments, scope);
        return;
      case "StringCallExpression":
        this.expr(e.base, scope);
        return;
      case "TableConstructorExpression":
        for (const f of e.fields) {
          if (f.type === "TableKey") this.expr(f.key, scope);
          this.expr(f.value, scope);
        }
        return;
      default:
        return; // literals
    }
  }
}
