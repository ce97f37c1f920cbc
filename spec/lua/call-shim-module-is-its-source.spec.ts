import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CALL_SHIM_MODULE, CALL_SHIM_SOURCE_SHA256 } from "../../src/lua/call-shim.js";

// src/lua/call-shim.ts embeds the module that src/lua/call-shim.wat
// describes. Its imports and exports are checked always; where wabt's
// wat2wasm is installed, the source is assembled again and must give the
// embedded bytes.
const SOURCE = new URL("../../src/lua/call-shim.wat", import.meta.url);

/** The module reflection used here (lib ES2022 declares no WebAssembly). */
interface Descriptor {
  readonly module?: string;
  readonly name: string;
}
const Wasm = (globalThis as unknown as {
  WebAssembly: {
    Module: { new (bytes: Uint8Array): object; exports(m: object): Descriptor[]; imports(m: object): Descriptor[] };
  };
}).WebAssembly;

function wat2wasm(): string | undefined {
  try {
    execFileSync("wat2wasm", ["--version"], { stdio: "ignore" });
    return "wat2wasm";
  } catch {
    return undefined;
  }
}

describe("the call shim's module", () => {
  it("imports the Lua module's memory and C functions and exports stage, pushAlias, pushObject", () => {
    const m = new Wasm.Module(CALL_SHIM_MODULE);
    expect(Wasm.Module.exports(m).map((e) => e.name)).toEqual(["stage", "pushAlias", "pushObject"]);
    const imports = Wasm.Module.imports(m).map((i) => `${i.module ?? ""}.${i.name}`);
    expect(imports[0]).toBe("l.memory");
    for (const name of ["gettop", "settop", "checkstack", "pushcclosure", "rawgeti", "getmetatable", "getfield", "newuserdatauv", "setmetatable", "setiuservalue", "pushlstring", "rotate"]) {
      expect(imports).toContain(`l.${name}`);
    }
    // Every function it imports is named in its source.
    const text = readFileSync(SOURCE, "utf8");
    for (const i of imports) expect(text).toContain(`(import "l" "${i.slice(2)}"`);
  });

  it("was embedded from the source as it is (its SHA-256; `npm run wasm:embed` writes both), wat2wasm or not", () => {
    expect(createHash("sha256").update(readFileSync(SOURCE)).digest("hex")).toBe(CALL_SHIM_SOURCE_SHA256);
  });

  it.runIf(wat2wasm() !== undefined)("is call-shim.wat assembled (wat2wasm installed here)", () => {
    const dir = mkdtempSync(join(tmpdir(), "call-shim-"));
    try {
      const out = join(dir, "call-shim.wasm");
      execFileSync("wat2wasm", [SOURCE.pathname, "-o", out]);
      expect(Buffer.from(readFileSync(out)).equals(Buffer.from(CALL_SHIM_MODULE))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
