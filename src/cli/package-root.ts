import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of renoise-sim's package.json, from the source tree (src/cli) or the built dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const pkg = resolve(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "renoise-sim") return dir;
    dir = dirname(dir);
  }
  throw new Error("renoise-sim: cannot find the package's package.json next to the command line");
}

/** The installed renoise-sim version. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
