// Writes docs/edge-cases/*.md from the scenarios (npm run docs:edge-cases).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EDGE_CASES } from "./all.js";
import { renderEdgeCase, renderIndex, ROOT } from "./render.js";

const dir = join(ROOT, "docs", "edge-cases");
mkdirSync(dir, { recursive: true });
for (const ec of EDGE_CASES) writeFileSync(join(dir, `${ec.slug}.md`), renderEdgeCase(ec));
writeFileSync(join(dir, "README.md"), renderIndex(EDGE_CASES));
console.log(`wrote ${EDGE_CASES.length + 1} pages to docs/edge-cases`);
