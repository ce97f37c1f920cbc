/**
 * Assembles one of the small wasm modules of ours (`src/lua/call-shim.wat`,
 * `src/lua/frontend/scan51.wat`) with wabt's `wat2wasm` and embeds it in its
 * TypeScript file: the base64 of its bytes, their count, and the SHA-256 of
 * the `.wat` it was assembled from (a spec checks that hash everywhere, and
 * the bytes themselves where `wat2wasm` is installed).
 *
 *   npm run wasm:embed -- src/lua/frontend/scan51.wat
 *
 * The TypeScript file is the `.wat`'s name with `.ts`.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const wat = process.argv[2];
if (wat === undefined || !wat.endsWith(".wat")) {
  console.error("usage: npm run wasm:embed -- <file.wat>");
  process.exit(2);
}
const ts = wat.replace(/\.wat$/, ".ts");
const dir = mkdtempSync(join(tmpdir(), "embed-wasm-"));
try {
  const out = join(dir, "module.wasm");
  execFileSync("wat2wasm", [wat, "-o", out], { stdio: "inherit" });
  const bytes = readFileSync(out);
  const sha = createHash("sha256").update(readFileSync(wat)).digest("hex");
  let text = readFileSync(ts, "utf8");
  const edits: [RegExp, string][] = [
    [/const MODULE_BASE64 =\n {2}"[^"]*";/, `const MODULE_BASE64 =\n  "${bytes.toString("base64")}";`],
    [/\(\d+ bytes\), as base64/, `(${bytes.length} bytes), as base64`],
    [/const SOURCE_SHA256 = "[0-9a-f]*";/, `const SOURCE_SHA256 = "${sha}";`],
  ];
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(text)) throw new Error(`embed-wasm: ${ts} has no ${String(pattern)}`);
    text = text.replace(pattern, replacement);
  }
  writeFileSync(ts, text);
  console.log(`${ts}: ${bytes.length} bytes embedded, source ${sha.slice(0, 12)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
