import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An import or export of a module, as WebAssembly.Module reflects it. */
export interface Descriptor {
  readonly module?: string;
  readonly name: string;
}

/** The module reflection the embedded-module specs use (lib ES2022 declares no WebAssembly). */
export const WasmReflect = (globalThis as unknown as {
  WebAssembly: { Module: { new (bytes: Uint8Array): object; exports(m: object): Descriptor[]; imports(m: object): Descriptor[] } };
}).WebAssembly.Module;

/** Whether wabt's wat2wasm is installed here. */
export function hasWat2wasm(): boolean {
  try {
    execFileSync("wat2wasm", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The bytes wat2wasm assembles from `source` (call only where {@link hasWat2wasm}). */
export function assemble(source: URL): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "embedded-wasm-"));
  try {
    const out = join(dir, "module.wasm");
    execFileSync("wat2wasm", [source.pathname, "-o", out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SHA-256 of `source`'s text, as `npm run wasm:embed` records it. */
export function sourceSha256(source: URL): string {
  return createHash("sha256").update(readFileSync(source)).digest("hex");
}
