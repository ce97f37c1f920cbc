import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runSpecs, type SpecRunOptions, type SpecRunSummary } from "../../src/index.js";

export const ROOT = resolve(import.meta.dirname, "../..");

/** Runs Lua spec files or folders (relative to the repository) with diagrams in a temporary folder. */
export function runLuaSpecs(paths: string[], options: SpecRunOptions = {}): Promise<SpecRunSummary> {
  const diagrams = mkdtempSync(join(tmpdir(), "renoise-sim-specs-"));
  return runSpecs(paths, { cwd: ROOT, diagramDir: diagrams, ...options });
}

/** "status full name" lines of a run, for readable expectations. */
export function outcomes(s: SpecRunSummary): string[] {
  return s.results.map((r) => `${r.status} ${r.fullName}`);
}
