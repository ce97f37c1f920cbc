import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { patchLuaModule } from "../../src/lua/wasm-patch.js";

const require = createRequire(import.meta.url);
const glue = (): Uint8Array => new Uint8Array(readFileSync(join(dirname(require.resolve("wasmoon")), "glue.wasm")));
const Wasm = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;

describe("wasm-patch: the count-hook change", () => {
  it("patches the pinned module into a valid module 44 bytes longer (4 in luaG_traceexec, 4 × 10 in luaV_execute)", () => {
    const bytes = glue();
    const patch = patchLuaModule(bytes);
    expect(patch.countsSteps).toBe(true);
    expect(patch.bytes.length).toBe(bytes.length + 44);
    expect(Wasm.validate(patch.bytes)).toBe(true);
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
    expect(patch.countsSteps).toBe(false);
    expect(patch.bytes).toBe(other);
  });

  it("leaves the module as it is when luaV_execute differs, though luaG_traceexec matches (both changes or none)", () => {
    const bytes = glue();
    // A division-by-zero raise of luaV_execute (local.get 0, i32.const 8806 "n%%0", i32.const 0, call 273, unreachable).
    const raise = Buffer.from([0x20, 0x00, 0x41, 0xe6, 0xc4, 0x00, 0x41, 0x00, 0x10, 0x91, 0x02, 0x00]);
    const at = Buffer.from(bytes).indexOf(raise, Buffer.from(bytes).indexOf(raise) + 1);
    expect(at).toBeGreaterThan(0);
    const other = bytes.slice();
    other[at - 30] = other[at - 30]! ^ 1;
    expect(patchLuaModule(other)).toEqual({ bytes: other, countsSteps: false });
  });

  it("leaves bytes that are no Lua module as they are", () => {
    const junk = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(patchLuaModule(junk)).toEqual({ bytes: junk, countsSteps: false });
  });
});
