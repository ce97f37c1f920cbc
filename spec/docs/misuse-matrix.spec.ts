import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SocketLogicError } from "../../src/index.js";
import { ARGUMENT_ROWS, matrixWorld, renderMatrix, STATE_ROWS, type Row } from "../support/misuse-matrix.js";

// Hardening: every public call with every class of bad argument, and every call in every
// lifecycle state — thrown logic error or returned error string, as Renoise does it.
/** Lua-style rendering of a result: multiple returns as `a, b`, undefined as nil. */
function luaish(v: unknown): string {
  const one = (x: unknown): string => (x === undefined ? "nil" : JSON.stringify(x));
  return Array.isArray(v) ? v.map(one).join(", ") : one(v);
}

function outcome(r: Row): string {
  const w = matrixWorld();
  let text: string;
  try {
    const v = r.run(w);
    text = `returns \`${luaish(v)}\``;
  } catch (e) {
    text = `raises: ${(e as Error).message.replace(/\|/g, "\\|")}`;
  }
  return text;
}

describe("misuse matrix", () => {
  for (const r of [...ARGUMENT_ROWS, ...STATE_ROWS]) {
    it(`${r.call} — ${r.input}`, () => {
      const w = matrixWorld();
      if (r.raises) {
        expect(() => r.run(w)).toThrow(SocketLogicError);
        expect(() => r.run(matrixWorld())).toThrow(r.raises);
      } else {
        expect(r.run(w)).toEqual(r.returns);
      }
      // The simulation stays usable afterwards.
      const [fresh, err] = w.Socket.create_server(6300);
      expect(err).toBeUndefined();
      fresh!.run({});
      w.sim.advance(10);
    });
  }

  it("docs/misuse.md matches the matrix", () => {
    const rendered = renderMatrix(outcome);
    const path = new URL("../../docs/misuse.md", import.meta.url);
    if (process.env.UPDATE_DOCS === "1") writeFileSync(path, rendered);
    expect(readFileSync(path, "utf8")).toBe(rendered);
  });
});
