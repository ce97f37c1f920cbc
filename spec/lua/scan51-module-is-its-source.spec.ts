import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCAN51_LAYOUT, SCAN51_MODULE, SCAN51_SOURCE_SHA256 } from "../../src/lua/frontend/scan51.js";
import { assemble, hasWat2wasm, sourceSha256, WasmReflect } from "../support/embedded-wasm.js";

// src/lua/frontend/scan51.ts embeds the module that scan51.wat describes.
// Its imports and exports are checked always; where wabt's wat2wasm is
// installed, the source is assembled again and must give the embedded bytes.
const SOURCE = new URL("../../src/lua/frontend/scan51.wat", import.meta.url);

describe("the scan51 module", () => {
  it("imports nothing and exports its memory and scan", () => {
    const m = new WasmReflect(SCAN51_MODULE);
    expect(WasmReflect.imports(m)).toEqual([]);
    expect(WasmReflect.exports(m).map((e) => e.name).sort()).toEqual(["memory", "scan"]);
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
    expect(sourceSha256(SOURCE)).toBe(SCAN51_SOURCE_SHA256);
  });

  it.runIf(hasWat2wasm())("is scan51.wat assembled (wat2wasm installed here)", () => {
    expect(assemble(SOURCE).equals(Buffer.from(SCAN51_MODULE))).toBe(true);
    expect(readFileSync(SOURCE, "utf8")).toContain('(func (export "scan")');
  });
});
