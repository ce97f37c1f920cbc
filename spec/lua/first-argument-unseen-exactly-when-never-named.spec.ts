import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { toBytes } from "../../src/core/bytes.js";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";
import { firstArgumentUnseen } from "../../src/lua/param-use.js";

const SEED = 2323;

// Random function bodies over the parameters `sock` and `msg`, a local, a
// global, a table and a function, never declaring another `sock`: the
// bytecode reading must say "never sees its first argument" exactly when the
// body never names `sock`. The one direction keeps a wrapper from being left
// out where the function could see it, the other keeps the reading from
// giving up on ordinary code.

/** A piece of code and whether it names `sock`. */
interface Code {
  readonly text: string;
  readonly sock: boolean;
}

const code = (text: string, ...parts: Code[]): Code => ({ text, sock: parts.some((p) => p.sock) });
const leaf = (text: string): Code => ({ text, sock: text === "sock" });

const { expr } = fc.letrec<{ expr: Code }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("sock", "msg", "loc", "glob", "tab", "1", "2.5", "'txt'", "nil", "true").map(leaf),
    fc
      .tuple(tie("expr"), fc.constantFrom("+", "-", "*", "//", "%", "..", "==", "~=", "<", "<=", ">", "and", "or", "&", "<<"), tie("expr"))
      .map(([a, op, b]) => code(`(${a.text} ${op} ${b.text})`, a, b)),
    fc.tuple(fc.constantFrom("-", "not ", "#"), tie("expr")).map(([op, a]) => code(`(${op}${a.text})`, a)),
    tie("expr").map((a) => code(`(${a.text}).field`, a)),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => code(`(${a.text})[${b.text}]`, a, b)),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => code(`fn(${a.text}, ${b.text})`, a, b)),
    tie("expr").map((a) => code(`(${a.text}):method(1)`, a)),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => code(`{${a.text}, key = ${b.text}, [${b.text}] = 1}`, a, b)),
    tie("expr").map((a) => code(`function() return ${a.text} end`, a)),
    tie("expr").map((a) => code(`function(x) return function() return x, ${a.text} end end`, a)),
  ),
}));

const { block } = fc.letrec<{ stat: Code; block: Code }>((tie) => ({
  stat: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    expr.map((e) => code(`loc = ${e.text}`, e)),
    expr.map((e) => code(`glob = ${e.text}`, e)),
    fc.tuple(expr, expr).map(([k, v]) => code(`tab[${k.text}] = ${v.text}`, k, v)),
    expr.map((e) => code(`tab.key = ${e.text}`, e)),
    expr.map((e) => code(`fn(${e.text})`, e)),
    fc.tuple(expr, tie("block"), tie("block")).map(([c, a, b]) => code(`if ${c.text} then ${a.text} else ${b.text} end`, c, a, b)),
    fc.tuple(expr, tie("block")).map(([c, a]) => code(`while ${c.text} do do ${a.text} end break end`, c, a)),
    fc.tuple(expr, tie("block")).map(([c, a]) => code(`for i = 1, ${c.text} do ${a.text} end`, c, a)),
    fc.tuple(expr, tie("block")).map(([c, a]) => code(`for k, v in pairs(${c.text}) do ${a.text} end`, c, a)),
    fc.tuple(expr, tie("block")).map(([c, a]) => code(`do local inner = ${c.text} ${a.text} end`, c, a)),
    fc.constant({ text: "sock = 1", sock: true }),
  ),
  block: fc
    .tuple(fc.array(tie("stat"), { maxLength: 4 }), fc.option(expr, { nil: undefined }))
    .map(([stats, ret]) => {
      const parts = ret === undefined ? stats : [...stats, code(`return ${ret.text}`, ret)];
      return code(parts.map((p) => p.text).join("; "), ...parts);
    }),
}));

let vm: LuaVm;
beforeAll(async () => {
  vm = await createLuaVm({ luaVersion: "5.4", instructionLimit: 0 });
});
afterAll(() => vm.close());

it("a function never sees its first argument exactly when its body never names it", () => {
  console.log("first argument use seed", SEED);
  let unseen = 0;
  let seen = 0;
  fc.assert(
    fc.property(block, (body) => {
      const source = `local loc, tab, fn = nil, {}, print\nreturn string.dump(function(sock, msg) ${body.text} end, true)`;
      const [d] = vm.run(source);
      expect(typeof d).toBe("string");
      const verdict = firstArgumentUnseen(toBytes(d as string));
      expect(verdict, body.text).toBe(!body.sock);
      if (verdict) unseen++;
      else seen++;
    }),
    { seed: SEED, numRuns: 3000 },
  );
  // Both answers were given often: the property tested both directions.
  expect(unseen).toBeGreaterThan(300);
  expect(seen).toBeGreaterThan(300);
});
