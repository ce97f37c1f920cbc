import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EDGE_CASES } from "../edge-cases/all.js";
import { renderEdgeCase, renderIndex, ROOT } from "../edge-cases/render.js";

const FIX = "the docs are generated: run `npm run docs:edge-cases` and commit docs/edge-cases";

describe("docs/edge-cases match their executable scenarios", () => {
  for (const ec of EDGE_CASES) {
    it(`${ec.slug}: the tool sees what the page says`, () => {
      expect(ec.run().seen).toEqual(ec.expected);
    });
    it(`${ec.slug}: the committed page is the rendered one`, () => {
      const committed = readFileSync(join(ROOT, "docs", "edge-cases", `${ec.slug}.md`), "utf8");
      expect(committed, FIX).toBe(renderEdgeCase(ec));
    });
  }
  it("the index lists every page", () => {
    expect(readFileSync(join(ROOT, "docs", "edge-cases", "README.md"), "utf8"), FIX).toBe(renderIndex(EDGE_CASES));
  });
});
