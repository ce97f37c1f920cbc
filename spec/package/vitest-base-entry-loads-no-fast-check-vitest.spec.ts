import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as base from "../../src/vitest-base.js";
import * as full from "../../src/vitest.js";
import { ROOT } from "../support/cli.js";

// renoise-sim/vitest/base has everything of renoise-sim/vitest but propTest, test and fc, and its
// built module graph never imports @fast-check/vitest (~3-4 s to load in a fresh process);
// renoise-sim/vitest loads it only when propTest or test is first used.

/** Every bare package a built file imports, following the build's own relative chunks. */
function packagesImportedBy(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file)) return out;
  seen.add(file);
  const text = readFileSync(join(ROOT, "dist", file), "utf8");
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"|import\("([^"]+)"\)/g)) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith("./")) for (const p of packagesImportedBy(spec.slice(2), seen)) out.add(p);
    else out.add(spec);
  }
  return out;
}

describe("renoise-sim/vitest/base", () => {
  it("exports renoise-sim/vitest's helpers but propTest, test and fc", () => {
    expect(Object.keys(base).sort()).toEqual(Object.keys(full).filter((k) => !["propTest", "test", "fc"].includes(k)).sort());
    expect(Object.keys(base)).toEqual(expect.arrayContaining(["installRenoiseMatchers", "renoiseMatchers", "traceSerializer", "fuzzTest"]));
  });

  it("its build imports vitest but never @fast-check/vitest; renoise-sim/vitest's requires it only on first use", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, { default?: string }> };
    expect(manifest.exports["./vitest/base"]?.default).toBe("./dist/vitest-base.js");
    const lite = packagesImportedBy("vitest-base.js");
    expect(lite).toContain("vitest");
    expect(lite).not.toContain("@fast-check/vitest");
    // The full entry imports it nowhere either; it names it once, in the require made on first use.
    expect(packagesImportedBy("vitest.js")).not.toContain("@fast-check/vitest");
    expect(readFileSync(join(ROOT, "dist", "vitest.js"), "utf8")).toMatch(/lazyRequire\("@fast-check\/vitest"\)/);
  });
});
