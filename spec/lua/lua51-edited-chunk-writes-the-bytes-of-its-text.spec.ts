import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EditedChunk, finishChunk, finishEdited, type Edit } from "../../src/lua/frontend/edits.js";

// A translation with insertions is kept as its pieces: the VM's `run`
// writes them straight into the module's memory, and anything that needs
// the string makes it. Both must be the same characters, for any chunk and
// any sorted edits inside it, ties at one offset included.

const SEED = 2424;

function written(chunk: EditedChunk): string {
  const view = Buffer.alloc(chunk.length + 16, 0xee);
  const end = chunk.writeLatin1(view, 8);
  expect(end - 8).toBe(chunk.length);
  expect(view[7]).toBe(0xee); // nothing before its start
  expect(view[end]).toBe(0xee); // nor after its end
  return view.toString("latin1", 8, end);
}

describe("Lua 5.1 front end: an edited chunk writes the bytes of its text", () => {
  it("writes exactly its text for random chunks and edits (seed printed)", () => {
    console.log("edited chunk seed", SEED);
    const bytes = fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 80 });
    const editsOf = (n: number) => fc.array(fc.record({ at: fc.integer({ min: 0, max: n }), text: fc.string({ minLength: 1, maxLength: 12 }), order: fc.integer({ min: 0, max: 3 }) }), { maxLength: 10 });
    let withEdits = 0;
    fc.assert(
      fc.property(
        bytes.chain((src) => fc.tuple(fc.constant(src), editsOf(src.length), editsOf(src.length), fc.constantFrom("", "local h = 1; "))),
        ([src, a, b, header]) => {
          const sort = (e: Edit[]) => [...e].sort((x, y) => x.at - y.at || x.order - y.order);
          const chunk = new EditedChunk(src, sort(a), sort(b), header);
          const text = chunk.text();
          expect(text.length).toBe(chunk.length);
          expect(written(chunk)).toBe(text);
          if (a.length + b.length > 0) withEdits++;
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
    expect(withEdits).toBeGreaterThan(300);
  });

  it("finishEdited's pieces make finishChunk's text for a tool whose vararg functions use arg", () => {
    const src = Array.from({ length: 50 }, (_, i) => `function M.f${i}(msg, ...)\n  return arg.n .. msg\nend\nfunction M.g${i}(...) local a = arg; return ... end`).join("\n");
    const fns = Array.from({ length: 100 }, (_, i) => {
      const at = nthParenEnd(src, i);
      return { bodyAt: at, usesVararg: i % 2 === 1, argUsed: true };
    });
    const edited = finishEdited(src, [], false, fns);
    expect(edited).toBeInstanceOf(EditedChunk);
    const chunk = edited as EditedChunk;
    expect(chunk.textMade).toBe(false);
    const expected = finishChunk(src, [], false, fns);
    expect(written(chunk)).toBe(expected);
    expect(chunk.text()).toBe(expected);
    expect(chunk.textMade).toBe(true);
    expect(expected).toContain("local arg = __rsim_pack(...);");
    expect(expected).toContain("local arg;");
  });

  it("gives the text itself when an edit falls outside the chunk", () => {
    const r = finishEdited("return 1", [{ at: 99, text: "--x", order: 0 }], true, []);
    expect(typeof r).toBe("string");
  });
});

/** The offset after the `i`th `)` that closes a function's parameter list in `src`. */
function nthParenEnd(src: string, i: number): number {
  const re = /function [\w.]+\([^)]*\)/g;
  let m: RegExpExecArray | null = null;
  for (let k = 0; k <= i; k++) m = re.exec(src);
  return m!.index + m![0].length;
}
