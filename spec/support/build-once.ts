import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * vitest globalSetup: the CLI specs run the built package as a user would,
 * so build it first when dist/ is missing or older than src/ or bin/ (the binary's entry).
 */
export default function setup(): void {
  const cli = "dist/cli.js";
  if (existsSync(cli) && statSync(cli).mtimeMs >= Math.max(newest("src"), newest("bin"))) return;
  execSync("npm run build", { stdio: "ignore" });
}
