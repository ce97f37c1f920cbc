import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { NUMBER_TEXT_51_EXPORT, patchLuaModule, type LuaModulePatch } from "../../src/lua/wasm-patch.js";

const require = createRequire(import.meta.url);
const glue = (): Uint8Array => new Uint8Array(readFileSync(join(dirname(require.resolve("wasmoon")), "glue.wasm")));
interface WasmApi {
  validate(b: Uint8Array): boolean;
  Module: { new (b: Uint8Array): object; exports(m: object): { name: string; kind: string }[] };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The patch left `bytes` as they are (compared by identity: a deep comparison of 1.2 MB takes seconds). */
function expectUnchanged(patch: LuaModulePatch, bytes: Uint8Array): void {
  expect(patch.bytes).toBe(bytes);
  expect([patch.countsSteps, patch.numberText51]).toEqual([false, false]);
}

describe("wasm-patch: the count-hook change and the number-text switch", () => {
  it("patches the pinned module into a valid module that exports the switch (44 bytes for the hook, 124 for the switch)", () => {
    const bytes = glue();
    const patch = patchLuaModule(bytes);
    expect(patch.countsSteps).toBe(true);
    expect(patch.numberText51).toBe(true);
    expect(patch.bytes.length).toBe(bytes.length + 44 + 124);
    expect(Wasm.validate(patch.bytes)).toBe(true);
    const exports = Wasm.Module.exports(new Wasm.Module(patch.bytes));
    expect(exports.filter((e) => e.kind === "global")).toEqual([{ name: NUMBER_TEXT_51_EXPORT, kind: "global" }]);
  });

  it("leaves a module whose function differs by one byte as it is", () => {
    const bytes = glue();
    const patched = patchLuaModule(bytes).bytes;
    // The function's bytes before the change, as the patched copy has them: found in the original, one flipped.
    const to = [0x20, 0x03, 0x41, 0x04, 0x71, 0x45, 0x04, 0x40, 0x41, 0x00, 0x0f, 0x0b];
    const end = Buffer.from(patched).indexOf(Buffer.from(to));
    const before = Buffer.from(patched.subarray(end - 40, end));
    const at = Buffer.from(bytes).indexOf(before);
    expect(at).toBeGreaterThan(0);
    const other = bytes.slice();
    other[at] = other[at]! ^ 1;
    const patch = patchLuaModule(other);
    expectUnchanged(patch, other);
  });

  it("leaves the module as it is when luaV_execute differs, though luaG_traceexec matches (both changes or none)", () => {
    const bytes = glue();
    // A division-by-zero raise of luaV_execute (local.get 0, i32.const 8806 "n%%0", i32.const 0, call 273, unreachable).
    const raise = Buffer.from([0x20, 0x00, 0x41, 0xe6, 0xc4, 0x00, 0x41, 0x00, 0x10, 0x91, 0x02, 0x00]);
    const at = Buffer.from(bytes).indexOf(raise, Buffer.from(bytes).indexOf(raise) + 1);
    expect(at).toBeGreaterThan(0);
    const other = bytes.slice();
    other[at - 30] = other[at - 30]! ^ 1;
    expectUnchanged(patchLuaModule(other), other);
  });

  it("leaves the module as it is when a copy of tostringbuff differs (all changes or none)", () => {
    const bytes = glue();
    // The float branch's ".0" test of luaO_tostring (strspn "-0123456789" at 7297, call 633, ..., br_if 0).
    const test = Buffer.from([0x41, 0x81, 0x39, 0x10, 0xf9, 0x04]);
    const at = Buffer.from(bytes).indexOf(test);
    expect(at).toBeGreaterThan(0);
    const other = bytes.slice();
    other[at + 1] = other[at + 1]! ^ 1;
    expectUnchanged(patchLuaModule(other), other);
  });

  it("keeps hooks on in GCTM's finalizer call, and leaves the module as it is when GCTM differs (all changes or none)", () => {
    const bytes = glue();
    // GCTM: g->gcstp |= GCSTPGC (load8_u 82, tee 6, const 2, or, store8 82), then L->allowhook = 0 (local 0, const 0, store8 7).
    const before = [0x2d, 0x00, 0x52, 0x22, 0x06, 0x41, 0x02, 0x72, 0x3a, 0x00, 0x52, 0x20, 0x00, 0x41];
    const at = Buffer.from(bytes).indexOf(Buffer.from([...before, 0x00, 0x3a, 0x00, 0x07]));
    expect(at).toBeGreaterThan(0);
    const patched = Buffer.from(patchLuaModule(bytes).bytes);
    expect(patched.indexOf(Buffer.from([...before, 0x01, 0x3a, 0x00, 0x07]))).toBeGreaterThan(0);
    expect(patched.indexOf(Buffer.from([...before, 0x00, 0x3a, 0x00, 0x07]))).toBe(-1);
    const other = bytes.slice();
    other[at + 6] = other[at + 6]! ^ 1;
    expectUnchanged(patchLuaModule(other), other);
  });

  it("leaves a module with a fifth global as it is (the switch's index would be taken)", () => {
    const bytes = Buffer.from(glue());
    // The global section (id 6, 24 bytes): its count, 4, made 5 is no longer the module expected.
    const at = bytes.indexOf(Buffer.from([0x06, 0x18, 0x04]));
    expect(at).toBeGreaterThan(0);
    const other = new Uint8Array(bytes);
    other[at + 2] = 5;
    expectUnchanged(patchLuaModule(other), other);
  });

  it("leaves bytes that are no Lua module as they are", () => {
    const junk = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expectUnchanged(patchLuaModule(junk), junk);
  });
});
