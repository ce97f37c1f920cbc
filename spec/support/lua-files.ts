import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every `.lua` file under `dir`, in its subfolders too (for specs that read a whole corpus). */
export function luaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...luaFiles(p));
    else if (name.endsWith(".lua")) out.push(p);
  }
  return out;
}
