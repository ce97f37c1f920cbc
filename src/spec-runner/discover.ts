import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { SpecUsageError } from "./types.js";

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith("_spec.lua")) out.push(p);
  }
}

/**
 * The spec files named by `paths`: a folder gives every `*_spec.lua` under
 * it (sorted, skipping dot folders and node_modules); a file is taken as
 * given (any `.lua` file: a spec or a plain Renoise-style script).
 */
export function discoverSpecFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new SpecUsageError(`test: no such script, spec file or folder: ${p}`);
    if (statSync(abs).isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      if (found.length === 0) throw new SpecUsageError(`test: no *_spec.lua files under ${p}`);
      out.push(...found);
    } else {
      if (!abs.endsWith(".lua")) throw new SpecUsageError(`test: ${p} is not a .lua file`);
      out.push(abs);
    }
  }
  return [...new Set(out)];
}
