import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCAN51_LAYOUT, SCAN51_MODULE, SCAN51_SOURCE_SHA256 } from "../../src/lua/frontend/scan51.js";

// src/lua/frontend/scan51.ts embeds the module that scan51.wat describes.
// Its imports and exports are checked always; where wabt's wat2wasm is
// installed, the source is assembled again and must give the embedded bytes.
const SOURCE = new URL("../../src/lua/frontend/scan51.wat", import.meta.url);

interface Descriptor {
  readonly module?: string;
  readonly name: string;
}
const Wasm = (globalThis as unknown as {
  WebAssembly: { Module: { new (bytes: Uint8Array): object; exports(m: object): Descriptor[]; imports(m: object): Descriptor[] } };
}).WebAssembly;

function hasWat2wasm(): boolean {
  try {
    execFileSync("wat2wasm", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("the scan51 module", () => {
  it("imports nothing and exports its memory and scan", () => {
    const m = new Wasm.Module(SCAN51_MODULE);
    expect(Wasm.Module.imports(m)).toEqual([]);
    expect(Wasm.Module.exports(m).map((e) => e.name).sort()).toEqual(["memory", "scan"]);
  });

  it("uses the memory layout scan51.ts fills: its header names each table at the same place, its code no other place", () => {
    const text = readFileSync(SOURCE, "utf8");
    for (const [name, at] of Object.entries(SCAN51_LAYOUT)) expect(text).toMatch(new RegExp(`^;;\\s+${at}\\s+${name}\\s`, "m"));
    const places = new Set<number>(Object.values(SCAN51_LAYOUT));
    const code = text.split("\n").filter((l) => !l.trimStart().startsWith(";;")).join("\n");
    const used = [...code.matchAll(/(?:offset=|i32\.const )(\d+)/g)].map((m) => Number(m[1])).filter((n) => n >= 65536);
    expect(used.length).toBeGreaterThan(8);
    // Each number past the name table is a table's start, or 8 past one (the second word of a 16-byte entry).
    for (const n of used) expect(places.has(n) || places.has(n - 8), String(n)).toBe(true);
  });

  it("was embedded from the source as it is (its SHA-256; `npm run wasm:embed` writes both), wat2wasm or not", () => {
    expect(createHash("sha256").update(readFileSync(SOURCE)).digest("hex")).toBe(SCAN51_SOURCE_SHA256);
  });

  it.runIf(hasWat2wasm())("is scan51.wat assembled (wat2wasm installed here)", () => {
    const dir = mkdtempSync(join(tmpdir(), "scan51-"));
    try {
      const out = join(dir, "scan51.wasm");
      execFileSync("wat2wasm", [SOURCE.pathname, "-o", out]);
      expect(Buffer.from(readFileSync(out)).equals(Buffer.from(SCAN51_MODULE))).toBe(true);
      expect(readFileSync(SOURCE, "utf8")).toContain('(func (export "scan")');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
