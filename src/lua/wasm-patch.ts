/**
 * Two changes to the Lua module's code, made to its bytes before they are
 * compiled (wasm.ts): where the instruction limit's count hook is checked,
 * and what that moves.
 *
 * C Lua 5.4 calls `luaG_traceexec` before every instruction while a count
 * hook is set; that function counts down and, until the count reaches 0,
 * answers "keep calling me" (1). The first change makes it answer 0 there
 * instead, which turns the check off until the interpreter looks at the
 * hook again: at its next jump (forward or back), numeric or generic `for`
 * step, call, return, or operation that may call a metamethod or collect
 * garbage. So the hook counts those *steps* instead of every instruction:
 * every loop and every recursion still passes one at least once a turn,
 * so an endless loop is still stopped, and straight-line code runs without
 * a call per instruction (a plain loop about 1.6× as fast).
 *
 * `luaG_traceexec` also saved the instruction position on each call, and
 * this build's integer `%` and `//` raise "division by zero" without saving
 * it: the second change saves it there (see EXECUTE), so those errors
 * still name their own line.
 *
 * The changes are made only to the functions they were written for (the
 * pinned wasmoon build's, recognised by size and SHA-256), and only
 * together; any other module is compiled as it is (the hook then counts
 * instructions, {@link LuaModulePatch.countsSteps} false).
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

/** One change to one function: `from` at byte `at` of its body replaced by `to`. */
interface Edit {
  readonly at: number;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** A function of the module to change: its index among the module's own functions, size and SHA-256, and the edits. */
interface FunctionPatch {
  readonly index: number;
  readonly size: number;
  readonly sha256: string;
  readonly edits: readonly Edit[];
}

/**
 * `luaG_traceexec` in wasmoon 1.16.0's glue.wasm: `if (!(mask & LUA_MASKLINE))
 * return 1;` (local.get 3, i32.const 4, i32.and, i32.eqz, br_if 1 to the
 * `return 1`) becomes the same test returning 0 (... if, i32.const 0,
 * return, end).
 */
const TRACEEXEC: FunctionPatch = {
  index: 253,
  size: 1315,
  sha256: "0b5c74d500b76c2a9b1c1df2a6ae73e6744ff1ed2177208c211926f24fea74f8",
  edits: [
    {
      at: 104,
      from: [0x20, 0x03, 0x41, 0x04, 0x71, 0x45, 0x0d, 0x01],
      to: [0x20, 0x03, 0x41, 0x04, 0x71, 0x45, 0x04, 0x40, 0x41, 0x00, 0x0f, 0x0b],
    },
  ],
};

/**
 * `luaV_execute`: its integer `%` and `//` raise "attempt to perform
 * 'n%%0'" / "attempt to divide by zero" without saving the instruction
 * position first (luaG_runerror, call 273, with L and the message); the
 * count hook called before every instruction used to save it, and now
 * runs only at steps. Each of the four raises gets `L->ci->u.l.savedpc =
 * pc` before it (local 0 is L, local 3 the pc of the next instruction, as
 * the handlers pass it to luaG_traceexec; `ci` at offset 20 of the state,
 * `savedpc` at offset 16 of a CallInfo, as luaG_traceexec reads them), so
 * the error names the division's own line.
 */
const SAVE_PC = [0x20, 0x00, 0x28, 0x02, 0x14, 0x20, 0x03, 0x36, 0x02, 0x10];
const RAISE_MOD = [0x20, 0x00, 0x41, 0xe6, 0xc4, 0x00, 0x41, 0x00, 0x10, 0x91, 0x02, 0x00];
const RAISE_IDIV = [0x20, 0x00, 0x41, 0xa6, 0x18, 0x41, 0x00, 0x10, 0x91, 0x02, 0x00];
const EXECUTE: FunctionPatch = {
  index: 548,
  size: 22025,
  sha256: "076e0d3715bfb66a6baeb3185958d2f3e975e3f85f2455dc0d5d79f081ecef43",
  edits: [
    { at: 5671, from: RAISE_MOD, to: [...SAVE_PC, ...RAISE_MOD] },
    { at: 8866, from: RAISE_MOD, to: [...SAVE_PC, ...RAISE_MOD] },
    { at: 20290, from: RAISE_IDIV, to: [...SAVE_PC, ...RAISE_IDIV] },
    { at: 20302, from: RAISE_IDIV, to: [...SAVE_PC, ...RAISE_IDIV] },
  ],
};

/**
 * Offset of `allowhook` in the pinned build's `lua_State` (after `next`,
 * `tt`, `marked`, `status`): valid where the patch applied
 * ({@link LuaModulePatch.countsSteps}), the bridge's count hook writes it.
 */
export const LUA_STATE_ALLOWHOOK = 7;

/** Both, in the order of their bodies (the patch is made in one pass over the code section). */
const PATCHES: readonly FunctionPatch[] = [TRACEEXEC, EXECUTE];

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
 * The Lua module's bytes with `luaG_traceexec` and `luaV_execute` changed
 * as described above, when they hold the very functions the changes were
 * written for; else the bytes as given.
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

/** A function body with `patch`'s edits made, or undefined when the body is not the one the patch was written for. */
function patchBody(old: Uint8Array, patch: FunctionPatch): Uint8Array | undefined {
  if (old.length !== patch.size) return undefined;
  if (createHash("sha256").update(old).digest("hex") !== patch.sha256) return undefined;
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const edit of patch.edits) {
    if (!edit.from.every((b, i) => old[edit.at + i] === b)) return undefined;
    parts.push(old.subarray(from, edit.at), Uint8Array.from(edit.to));
    from = edit.at + edit.from.length;
  }
  parts.push(old.subarray(from));
  return concatBytes(parts);
}

/** The parts one after the other. */
function concatBytes(parts: readonly ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The module with its code section (header at `sectionAt`, payload `start`..`end`) patched, or undefined. */
function patchCode(bytes: Uint8Array, sectionAt: number, start: number, end: number): LuaModulePatch | undefined {
  const [count, first] = readLeb(bytes, start);
  const code: ArrayLike<number>[] = [];
  let copiedFrom = first; // bodies not changed are copied as they are, with their size
  let pos = first;
  let next = 0; // the next patch to apply (PATCHES are in body order)
  for (let i = 0; i < count && next < PATCHES.length; i++) {
    const [size, body] = readLeb(bytes, pos);
    if (body + size > end) return undefined;
    if (i === PATCHES[next]!.index) {
      const patched = patchBody(bytes.subarray(body, body + size), PATCHES[next]!);
      if (patched === undefined) return undefined;
      code.push(bytes.subarray(copiedFrom, pos), leb(patched.length), patched);
      copiedFrom = body + size;
      next++;
    }
    pos = body + size;
  }
  if (next < PATCHES.length) return undefined;
  code.push(bytes.subarray(copiedFrom, end));
  const countBytes = leb(count);
  const payload = countBytes.length + code.reduce((n, part) => n + part.length, 0);
  const header = [CODE_SECTION, ...leb(payload), ...countBytes];
  return { bytes: concatBytes([bytes.subarray(0, sectionAt), header, ...code, bytes.subarray(end)]), countsSteps: true };
}
