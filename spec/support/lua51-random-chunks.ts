/**
 * Random Lua 5.1 chunks (with LuaJIT's `goto` and labels) that name `arg`
 * in every role: the implicit table, a global, a field (`t.arg`, `t:arg()`,
 * `{ arg = 1 }`), a label (`::arg::`, `goto arg`), a function name, and
 * (with `declareArg` > 0) a local, parameter or loop variable. Most are
 * valid; some are not (a `...` outside a vararg function, a `goto` with no
 * label): callers keep what luaparse accepts. Deterministic from the seed.
 */

/** xorshift32 draws from `seed`. */
function draws(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Scope {
  readonly vararg: boolean;
  readonly loop: boolean;
  readonly labels: string[];
}

/** `count` chunks from `seed`; `declareArg`: how often a declared name is `arg`. */
export function randomLua51Chunks(seed: number, count: number, declareArg: number): string[] {
  const r = draws(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const chance = (p: number): boolean => r() < p;
  const gap = (): string => (chance(0.15) ? pick([" --arg\n", " --[[ arg ]] ", "\n", ";\n"]) : " ");
  const name = (): string => pick(["a", "b", "t", "arg", "arg", "self", "f"]);
  const declared = (): string => (chance(declareArg) ? "arg" : pick(["a", "b", "x", "i", "k", "v"]));

  function expr(s: Scope, d: number): string {
    switch (int(d > 3 ? 6 : 18)) {
      case 0: return pick(["nil", "1", "2.5", "0x10"]);
      case 1: return pick(['"arg"', "'arg'", "[[arg]]", '"x"']);
      case 2: return s.vararg || chance(0.05) ? "..." : "arg";
      case 3: return name();
      case 4: return "arg";
      case 5: return `${name()}.arg`;
      case 6: return `${name()}:arg(${exprs(s, d + 1)})`;
      case 7: return table(s, d + 1);
      case 8: return `function${body(s, d + 1)}`;
      case 9: return `${expr(s, d + 1)} .. ${expr(s, d + 1)}`;
      case 10: return `not ${expr(s, d + 1)}`;
      case 11: return `(${expr(s, d + 1)})`;
      case 12: return `${prefix(s, d + 1)}(${exprs(s, d + 1)})`;
      case 13: return `${prefix(s, d + 1)}[${expr(s, d + 1)}]`;
      case 14: return `${prefix(s, d + 1)}${pick(["{}", '"s"', "{arg = 1}"])}`;
      case 15: return `${expr(s, d + 1)} == ${expr(s, d + 1)}`;
      default: return "arg";
    }
  }
  function prefix(s: Scope, d: number): string {
    const k = int(4);
    if (k === 0) return `(${expr(s, d + 1)})`;
    if (k === 1) return `${name()}.${pick(["arg", "x"])}`;
    return name();
  }
  function exprs(s: Scope, d: number): string {
    const out: string[] = [];
    for (let n = int(3); n > 0; n--) out.push(expr(s, d));
    return out.join(", ");
  }
  function table(s: Scope, d: number): string {
    const out: string[] = [];
    for (let n = int(4); n > 0; n--) {
      const k = int(5);
      if (k === 0) out.push(`arg = ${expr(s, d + 1)}`);
      else if (k === 1) out.push(`[${expr(s, d + 1)}] = ${expr(s, d + 1)}`);
      else out.push(expr(s, d + 1));
    }
    return `{${gap()}${out.join(pick([", ", "; "]))}${gap()}}`;
  }
  function body(s: Scope, d: number): string {
    const params: string[] = [];
    for (let n = int(3); n > 0; n--) params.push(declared());
    const vararg = chance(0.6);
    if (vararg) params.push("...");
    return `(${params.join(", ")})${gap()}${block({ vararg, loop: false, labels: [] }, d + 1)}${gap()}end`;
  }
  function target(s: Scope, d: number): string {
    const k = int(3);
    if (k === 0) return "arg";
    if (k === 1) return `${name()}.${pick(["arg", "x"])}`;
    return `${prefix(s, d)}[${expr(s, d)}]`;
  }
  function stat(s: Scope, d: number): string {
    const loop = { ...s, loop: true };
    switch (int(d > 4 ? 5 : 18)) {
      case 0: return `local ${declared()}${chance(0.5) ? `, ${declared()}` : ""}${chance(0.7) ? ` = ${exprs(s, d)}` : ""}`;
      case 1: return `${target(s, d)} = ${expr(s, d)}`;
      case 2: return `${target(s, d)}, ${target(s, d)} = ${exprs(s, d)}`;
      case 3: return `${prefix(s, d)}(${exprs(s, d)})`;
      case 4: {
        const l = pick(["top", "again", "arg"]);
        s.labels.push(l);
        return `::${l}::`;
      }
      case 5: return `local function ${declared()}${body(s, d)}`;
      case 6: return `function ${pick(["arg", "g", "t.arg", "t:arg", "arg.x", "arg:m"])}${body(s, d)}`;
      case 7: return `do${gap()}${block(s, d + 1)}${gap()}end`;
      case 8: return `while ${expr(s, d)} do ${block(loop, d + 1)} end`;
      case 9: return `repeat ${block(loop, d + 1)} until ${expr(s, d)}`;
      case 10: return `if ${expr(s, d)} then ${block(s, d + 1)}${chance(0.4) ? ` else ${block(s, d + 1)}` : ""} end`;
      case 11: return `for ${declared()} = ${expr(s, d)}, ${expr(s, d)} do ${block(loop, d + 1)} end`;
      case 12: return `for ${declared()}, ${declared()} in ${expr(s, d)} do ${block(loop, d + 1)} end`;
      case 13: return `goto ${s.labels.length ? pick(s.labels) : pick(["top", "arg"])}`;
      case 14: return `::${pick(["top", "again", "arg"])}::${gap()}${pick(["arg", "arg.n", "arg[1]"])} = ${expr(s, d)}`;
      case 15: return `::${pick(["top", "again"])}::${gap()}arg${pick(["(1)", ":m()", '"s"', "{}"])}`;
      case 16: return s.loop ? "break" : ";";
      default: return `${target(s, d)} = ${expr(s, d)}`;
    }
  }
  function block(s: Scope, d: number): string {
    const out: string[] = [];
    for (let n = int(d > 3 ? 2 : 4); n > 0; n--) out.push(stat(s, d));
    if (chance(0.3)) out.push(`return ${exprs(s, d)}`);
    return out.join(gap());
  }
  const chunks: string[] = [];
  for (let i = 0; i < count; i++) chunks.push(block({ vararg: true, loop: false, labels: [] }, 0));
  return chunks;
}
