// Writes docs/trace.md from src/trace/kinds.ts (npm run docs:trace).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderTraceReference } from "../../src/trace/reference.js";

writeFileSync(join(import.meta.dirname, "../../docs/trace.md"), renderTraceReference());
console.log("wrote docs/trace.md");
