import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

// The suite's temporary files (the specs' own and those the code under test
// writes, e.g. fuzz failure reports) go to one folder per run that
// spec/support/temp-root.ts removes when the run ends: a run leaves nothing
// in the machine's temporary folder.
it("a folder made under os.tmpdir() lands in the run's own temporary folder", () => {
  const root = process.env.RENOISE_SIM_SPEC_TMP;
  expect(root, "spec/support/temp-root.ts did not run").toBeDefined();
  expect(tmpdir()).toBe(root);
  const made = mkdtempSync(join(tmpdir(), "renoise-sim-probe-"));
  expect(relative(root!, made).startsWith("..")).toBe(false);
});
