import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Set while a run's temporary root exists (both projects' setups share it). */
const KEY = "RENOISE_SIM_SPEC_TMP";

/**
 * vitest globalSetup: the run's temporary files go to one folder of their
 * own, removed when the run ends. Specs make folders with `os.tmpdir()`
 * (fixtures, CLI outputs, packed tarballs) and so does the code under test
 * (fuzz failure reports, spec-runner failure files, spawned CLIs): pointing
 * TMPDIR (TEMP, TMP on Windows) at the root before the workers start catches
 * all of them, where each spec cleaning up after itself would miss what
 * the product writes.
 */
export default function setup(): () => void {
  const existing = process.env[KEY];
  if (existing !== undefined) return () => rmSync(existing, { recursive: true, force: true });
  const root = mkdtempSync(join(tmpdir(), "renoise-sim-spec-run-"));
  const before = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
  process.env[KEY] = root;
  process.env.TMPDIR = process.env.TEMP = process.env.TMP = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    delete process.env[KEY];
  };
}
