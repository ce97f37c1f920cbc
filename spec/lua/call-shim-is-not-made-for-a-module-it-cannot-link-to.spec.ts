import { describe, expect, it } from "vitest";
import { callShimFor } from "../../src/lua/call-shim.js";
import type { LuaC } from "../../src/lua/wasm.js";

// Where the call shim cannot be made (a Lua module without raw exports, or
// whose exports it cannot link to: a LinkError), callShimFor gives
// undefined, once per module, and the bridge makes the calls itself.
const Wasm = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => object } }).WebAssembly;

describe("the call shim", () => {
  it("is not made for a module without raw exports", () => {
    expect(callShimFor({} as LuaC)).toBeUndefined();
  });

  it("is not made for a module whose functions it cannot link to, and is not tried again", () => {
    let reads = 0;
    // A memory and no lua_* functions: instantiating the shim fails with a LinkError.
    const exports: Record<string, unknown> = { memory: new Wasm.Memory({ initial: 1 }) };
    const c = {
      get rawExports() {
        reads++;
        return exports;
      },
    } as unknown as LuaC;
    expect(callShimFor(c)).toBeUndefined();
    expect(callShimFor(c)).toBeUndefined();
    expect(reads).toBe(1);
  });
});
