/**
 * Changes to the Lua module, made to its bytes before they are compiled
 * (wasm.ts): where the instruction limit's count hook is checked and what
 * that moves, and a switch that makes numbers become text as Lua 5.1
 * writes them.
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
 * The third change (see GCTM) keeps hooks on while a `__gc` finalizer
 * runs, so the count hook reaches a finalizer that loops.
 *
 * The fourth change (see TOSTRING_O) gives each instance a global, exported
 * as {@link NUMBER_TEXT_51_EXPORT}, that makes C Lua's own number-to-text
 * conversion write 5.1's text (`5`, not `5.0`), so `..`, `tostring`,
 * `table.concat` and every library function that takes a number as a
 * string agree with Renoise without any Lua code in between.
 *
 * The changes are made only to the functions they were written for (the
 * pinned wasmoon build's, recognised by size and SHA-256), and only
 * together; any other module is compiled as it is (the hook then counts
 * instructions, {@link LuaModulePatch.countsSteps} false, and the VM keeps
 * 5.1's number text with Lua code: {@link LuaModulePatch.numberText51} false).
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
  /** True when the module has the number-text switch ({@link NUMBER_TEXT_51_EXPORT}); set with `countsSteps`. */
  readonly numberText51: boolean;
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
 * `GCTM` (lgc.c), which calls one `__gc` finalizer: `L->allowhook = 0;`
 * before the call (local.get 0, i32.const 0, i32.store8 offset=7) becomes
 * `L->allowhook = 1;`, so the count hook runs inside finalizers too and
 * the instruction limit stops one that loops (C Lua turned hooks off there,
 * and a finalizer that looped hung the host). The old value is put back
 * after the call as before. The collector's own protected call catches
 * the limit's error, so it stops the finalizer and nothing else (the
 * bridge then fails the entry, see `LuaBridge.countHook`).
 */
const GCTM: FunctionPatch = {
  index: 298,
  size: 575,
  sha256: "44690dd97c29aa15397494c47d40d98d33f59fe6c89042cc3eb28a823d44c399",
  edits: [{ at: 191, from: [0x20, 0x00, 0x41, 0x00, 0x3a, 0x00, 0x07], to: [0x20, 0x00, 0x41, 0x01, 0x3a, 0x00, 0x07] }],
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

/**
 * The mutable i32 global the module gains (appended to its globals, so
 * existing indices stay), exported as {@link NUMBER_TEXT_51_EXPORT}: 1 makes
 * numbers become text as Lua 5.1 writes them (see NUMBER_TEXT), 0 (its
 * initial value) as 5.4 does. The pinned module defines 4 globals and
 * imports none, so it is global 4.
 */
const NUMBER_TEXT_GLOBAL = 4;

/** The export name of the number-text switch (a `WebAssembly.Global`), set per instance by the VM. */
export const NUMBER_TEXT_51_EXPORT = "rsim_number_text51";

/** `i64.const` immediates are signed LEB128. */
function sleb(n: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (byte & 0x40) === 0) || (n === -1n && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** `if (ttisinteger(obj))`: local 1 is the TValue (value at 0, type tag at 8; 3 is an integer). */
const IS_INT_IF = [0x20, 0x01, 0x2d, 0x00, 0x08, 0x41, 0x03, 0x46, 0x04, 0x40];
/**
 * `if (ttisinteger(obj) && (!switch || -1e14 < ivalue(obj) < 1e14))`: an
 * integer of 15 digits or more goes, under the switch, to the float branch.
 */
const IS_SHORT_INT_IF = [
  0x20, 0x01, 0x2d, 0x00, 0x08, 0x41, 0x03, 0x46, // ttisinteger(obj)
  0x23, NUMBER_TEXT_GLOBAL, 0x45, // !switch
  0x20, 0x01, 0x29, 0x03, 0x00, // ivalue(obj)
  0x42, ...sleb(99_999_999_999_999n), 0x7c, // + (1e14 - 1)
  0x42, ...sleb(199_999_999_999_999n), 0x54, // <u 2e14 - 1: |i| < 1e14
  0x72, 0x71, // or, and
  0x04, 0x40,
];
/** `fltvalue(obj)` in the float branch. */
const FLOAT_VALUE = [0x20, 0x01, 0x2b, 0x03, 0x00];
/** `ttisinteger(obj) ? (lua_Number)ivalue(obj) : fltvalue(obj)`. */
const AS_FLOAT = [
  0x20, 0x01, 0x2d, 0x00, 0x08, 0x41, 0x03, 0x46, 0x04, 0x7c, // if (result f64) ttisinteger(obj)
  0x20, 0x01, 0x29, 0x03, 0x00, 0xb9, // f64.convert_i64_s(ivalue(obj))
  0x05, 0x20, 0x01, 0x2b, 0x03, 0x00, 0x0b, // else fltvalue(obj) end
];
/** `if (buff[strspn(buff, "-0123456789")] != '\0') skip the ".0"`. */
const LOOKS_FLOAT_SKIP = [0x2d, 0x00, 0x00, 0x0d, 0x00];
/** The same test, or the switch: under it no ".0" is added. */
const LOOKS_FLOAT_OR_51_SKIP = [0x2d, 0x00, 0x00, 0x23, NUMBER_TEXT_GLOBAL, 0x72, 0x0d, 0x00];

/**
 * The three edits of an inlined copy of `tostringbuff`, at the offsets of
 * its integer test, its float read and its ".0" test in the body.
 */
function tostringbuffEdits(intTest: number, floatRead: number, dotZeroTest: number): Edit[] {
  return [
    { at: intTest, from: IS_INT_IF, to: IS_SHORT_INT_IF },
    { at: floatRead, from: FLOAT_VALUE, to: AS_FLOAT },
    { at: dotZeroTest, from: LOOKS_FLOAT_SKIP, to: LOOKS_FLOAT_OR_51_SKIP },
  ];
}

/**
 * `tostringbuff` (lobject.c), inlined in the pinned build into
 * `luaO_tostring` (body 402: `..`, `lua_tolstring`, so `table.concat` and
 * every library function taking a string) and into `luaO_pushvfstring`'s
 * number formatting (body 405: `%I`/`%f`, so `tostring`, `print`,
 * `string.format("%s")`). Under the switch a number becomes the text Lua
 * 5.1 gives it (`"%.14g"` of the number as a double): a float that looks
 * like an integer gets no ".0" (`10/2` is `5`), and an integer of 15
 * digits or more is written as that double (`1e+15`).
 */
const TOSTRING_O: FunctionPatch = {
  index: 402,
  size: 184,
  sha256: "c44675ab73356c9090e64039846967111c8be126c6df6c23344985dccf3addc9",
  edits: tostringbuffEdits(15, 57, 98),
};
const TOSTRING_FSTRING: FunctionPatch = {
  index: 405,
  size: 272,
  sha256: "bfec869c33e33b00d9fbb26ac0317551a4eb1ead392e236fcccb07c0613ab82c",
  edits: tostringbuffEdits(132, 171, 207),
};

/** All of them, in the order of their bodies (the patch is made in one pass over the code section). */
const PATCHES: readonly FunctionPatch[] = [TRACEEXEC, GCTM, TOSTRING_O, TOSTRING_FSTRING, EXECUTE];

const IMPORT_SECTION = 2;
const GLOBAL_SECTION = 6;
const EXPORT_SECTION = 7;
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
 * The Lua module's bytes with the changes described above, when it holds
 * the very functions (and globals) they were written for; else the bytes
 * as given.
 */
export function patchLuaModule(bytes: Uint8Array): LuaModulePatch {
  const unchanged: LuaModulePatch = { bytes, countsSteps: false, numberText51: false };
  const parts: ArrayLike<number>[] = [bytes.subarray(0, 8)]; // magic and version
  const done = new Set<number>();
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos]!;
    const [size, start] = readLeb(bytes, pos + 1);
    const end = start + size;
    if (end > bytes.length) return unchanged;
    let payload: ArrayLike<number>[] | undefined = [bytes.subarray(start, end)];
    if (id === IMPORT_SECTION) payload = importsNoGlobal(bytes, start, end) ? payload : undefined;
    else if (id === GLOBAL_SECTION) payload = appendGlobal(bytes, start, end);
    else if (id === EXPORT_SECTION) payload = appendExport(bytes, start, end);
    else if (id === CODE_SECTION) payload = patchCode(bytes, start, end);
    if (payload === undefined) return unchanged;
    if (id === IMPORT_SECTION || id === GLOBAL_SECTION || id === EXPORT_SECTION || id === CODE_SECTION) done.add(id);
    const length = payload.reduce((n, part) => n + part.length, 0);
    parts.push([id, ...leb(length)], ...payload);
    pos = end;
  }
  if (done.size !== 4) return unchanged;
  return { bytes: concatBytes(parts), countsSteps: true, numberText51: true };
}

/** True when the import section (payload `start`..`end`) imports no global (so the module's own globals start at index 0). */
function importsNoGlobal(bytes: Uint8Array, start: number, end: number): boolean {
  let [count, pos] = readLeb(bytes, start);
  for (; count > 0; count--) {
    for (let name = 0; name < 2; name++) {
      const [len, at] = readLeb(bytes, pos);
      pos = at + len;
    }
    const kind = bytes[pos++];
    if (kind === 0x00) pos = readLeb(bytes, pos)[1]; // a function: its type index
    else if (kind === 0x01 || kind === 0x02) {
      if (kind === 0x01) pos++; // a table: its element type
      const flags = bytes[pos++]!;
      pos = readLeb(bytes, pos)[1];
      if (flags & 1) pos = readLeb(bytes, pos)[1];
    } else return false; // a global (or a kind unknown here)
    if (pos > end) return false;
  }
  return pos === end;
}

/** The global section's payload with the number-text switch appended, or undefined when the module does not define the globals expected. */
function appendGlobal(bytes: Uint8Array, start: number, end: number): ArrayLike<number>[] | undefined {
  const [count, first] = readLeb(bytes, start);
  if (count !== NUMBER_TEXT_GLOBAL) return undefined;
  return [leb(count + 1), bytes.subarray(first, end), [0x7f, 0x01, 0x41, 0x00, 0x0b]]; // mutable i32 = 0
}

/** The export section's payload with the number-text switch exported. */
function appendExport(bytes: Uint8Array, start: number, end: number): ArrayLike<number>[] {
  const [count, first] = readLeb(bytes, start);
  const name = [...NUMBER_TEXT_51_EXPORT].map((ch) => ch.charCodeAt(0));
  return [leb(count + 1), bytes.subarray(first, end), [...leb(name.length), ...name, 0x03, ...leb(NUMBER_TEXT_GLOBAL)]];
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

/** The code section's payload (`start`..`end`) with the functions patched, or undefined when one is not the one expected. */
function patchCode(bytes: Uint8Array, start: number, end: number): ArrayLike<number>[] | undefined {
  const [count, first] = readLeb(bytes, start);
  const code: ArrayLike<number>[] = [leb(count)];
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
  return code;
}
