import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CALL_SHIM_MODULE, CALL_SHIM_SOURCE_SHA256 } from "../../src/lua/call-shim.js";
import { assemble, hasWat2wasm, sourceSha256, WasmReflect } from "../support/embedded-wasm.js";

// src/lua/call-shim.ts embeds the module that src/lua/call-shim.wat
// describes. Its imports and exports are checked always; where wabt's
// wat2wasm is installed, the source is assembled again and must give the
// embedded bytes.
const SOURCE = new URL("../../src/lua/call-shim.wat", import.meta.url);

describe("the call shim's module", () => {
  it("imports the Lua module's memory and C functions and exports stage, pushAlias, pushObject, pushNil", () => {
    const m = new WasmReflect(CALL_SHIM_MODULE);
    expect(WasmReflect.exports(m).map((e) => e.name)).toEqual(["stage", "pushAlias", "pushObject", "pushNil"]);
    const imports = WasmReflect.imports(m).map((i) => `${i.module ?? ""}.${i.name}`);
    expect(imports[0]).toBe("l.memory");
    for (const name of ["gettop", "settop", "checkstack", "pushcclosure", "rawgeti", "getmetatable", "getfield", "newuserdatauv", "setmetatable", "setiuservalue", "pushlstring", "rotate", "rawequal", "pushnil"]) {
      expect(imports).toContain(`l.${name}`);
    }
    // Every function it imports is named in its source.
    const text = readFileSync(SOURCE, "utf8");
    for (const i of imports) expect(text).toContain(`(import "l" "${i.slice(2)}"`);
  });

  it("was embedded from the source as it is (its SHA-256; `npm run wasm:embed` writes both), wat2wasm or not", () => {
    expect(sourceSha256(SOURCE)).toBe(CALL_SHIM_SOURCE_SHA256);
  });

  it.runIf(hasWat2wasm())("is call-shim.wat assembled (wat2wasm installed here)", () => {
    expect(assemble(SOURCE).equals(Buffer.from(CALL_SHIM_MODULE))).toBe(true);
  });
});
