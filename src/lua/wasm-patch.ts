/**
 * One change to the Lua module's code, made to its bytes before they are
 * compiled (wasm.ts): where the instruction limit's count hook is checked.
 *
 * C Lua 5.4 calls `luaG_traceexec` before every instruction while a count
 * hook is set; that function counts down and, until the count reaches 0,
 * answers "keep calling me" (1). The change makes it answer 0 there
 * instead, which turns the check off until the interpreter looks at the
 * hook again: at its next jump (forward or back), numeric or generic `for`
 * step, call, return, or operation that may call a metamethod or collect
 * garbage. So the hook counts those *steps* instead of every instruction:
 * every loop and every recursion still passes one at least once a turn,
 * so an endless loop is still stopped, and straight-line code runs without
 * a call per instruction (a plain loop about twice as fast).
 *
 * The change is made only to the function it was written for: the pinned
 * wasmoon build's `luaG_traceexec`, recognised by its size and SHA-256;
 * any other module is compiled as it is (the hook then counts instructions,
 * {@link LuaModulePatch.countsSteps} false).
 *
 * @internal
 */
import { createHash } from "node:crypto";

/** What {@link patchLuaModule} made of a module's bytes. */
export interface LuaModulePatch {
  /** The bytes to compile: the patched copy, or the bytes given. */
  readonly bytes: Uint8Array;
  /** True when the hook now counts steps (the patch applied), false when it counts instructions. */
  readonly countsSteps: boolean;
}

/** `luaG_traceexec` in wasmoon 1.16.0's glue.wasm: its index among the module's own functions, size and SHA-256. */
const TRACEEXEC = {
  index: 253,
  size: 1315,
  sha256: "0b5c74d500b76c2a9b1c1df2a6ae73e6744ff1ed2177208c211926f24fea74f8",
  /** `if (!(mask & LUA_MASKLINE)) return 1;`: local.get 3, i32.const 4, i32.and, i32.eqz, br_if 1 (to `return 1`). */
  at: 104,
  from: [0x20, 0x03, 0x41, 0x04, 0x71, 0x45, 0x0d, 0x01],
  /** The same test, returning 0: local.get 3, i32.const 4, i32.and, i32.eqz, if, i32.const 0, return, end. */
  to: [0x20, 0x03, 0x41, 0x04, 0x71, 0x45, 0x04, 0x40, 0x41, 0x00, 0x0f, 0x0b],
} as const;

const CODE_SECTION = 10;

/** Reads an unsigned LEB128 at `pos`: [value, next position]. */
function readLeb(b: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = b[pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

/** An unsigned LEB128. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

/**
 * The Lua module's bytes with `luaG_traceexec` changed as described
 * above, when they hold the very function it was written for; else the
 * bytes as given.
 */
export function patchLuaModule(bytes: Uint8Array): LuaModulePatch {
  const unchanged: LuaModulePatch = { bytes, countsSteps: false };
  let pos = 8; // magic and version
  while (pos < bytes.length) {
    const id = bytes[pos]!;
    const [size, start] = readLeb(bytes, pos + 1);
    const end = start + size;
    if (id === CODE_SECTION) return patchCode(bytes, pos, start, end) ?? unchanged;
    pos = end;
  }
  return unchanged;
}

/** The module with its code section (header at `sectionAt`, payload `start`..`end`) patched, or undefined. */
function patchCode(bytes: Uint8Array, sectionAt: number, start: number, end: number): LuaModulePatch | undefined {
  const [count, first] = readLeb(bytes, start);
  if (count <= TRACEEXEC.index) return undefined;
  let pos = first;
  for (let i = 0; i < TRACEEXEC.index; i++) {
    const [size, body] = readLeb(bytes, pos);
    pos = body + size;
  }
  const [size, body] = readLeb(bytes, pos);
  if (size !== TRACEEXEC.size || body + size > end) return undefined;
  const old = bytes.subarray(body, body + size);
  if (createHash("sha256").update(old).digest("hex") !== TRACEEXEC.sha256) return undefined;
  if (!TRACEEXEC.from.every((b, i) => old[TRACEEXEC.at + i] === b)) return undefined;
  const newBody = new Uint8Array(size - TRACEEXEC.from.length + TRACEEXEC.to.length);
  newBody.set(old.subarray(0, TRACEEXEC.at));
  newBody.set(TRACEEXEC.to, TRACEEXEC.at);
  newBody.set(old.subarray(TRACEEXEC.at + TRACEEXEC.from.length), TRACEEXEC.at + TRACEEXEC.to.length);
  const code = [
    bytes.subarray(first, pos), // the bodies before, with the count written below
    Uint8Array.from(leb(newBody.length)),
    newBody,
    bytes.subarray(body + size, end),
  ];
  const countBytes = leb(count);
  const payload = countBytes.length + code.reduce((n, part) => n + part.length, 0);
  const header = [CODE_SECTION, ...leb(payload), ...countBytes];
  const out = new Uint8Array(sectionAt + header.length + payload - countBytes.length + (bytes.length - end));
  let at = 0;
  const put = (part: ArrayLike<number>): void => {
    out.set(part, at);
    at += part.length;
  };
  put(bytes.subarray(0, sectionAt));
  put(header);
  for (const part of code) put(part);
  put(bytes.subarray(end));
  return { bytes: out, countsSteps: true };
}
