/**
 * The small wasm modules of ours that are embedded as base64 (call-shim.ts,
 * frontend/scan51.ts): decoding their bytes, and the slice of the
 * WebAssembly API that instantiates them (lib ES2022 declares none).
 *
 * @internal
 */

/** The WebAssembly constructors used by the embedded modules. */
export interface WasmCtors {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
}

/** The host's WebAssembly constructors, or undefined where there is none. */
export function wasmCtors(): WasmCtors | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmCtors }).WebAssembly;
}

/** Decodes base64 without Node's Buffer (the package also runs where there is none). */
export function fromBase64(s: string): Uint8Array {
  const bin = (globalThis as unknown as { atob: (s: string) => string }).atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
