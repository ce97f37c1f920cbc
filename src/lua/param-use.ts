/**
 * Whether a Lua function can see its first argument: read from the
 * function's stripped bytecode (what `lua_dump` with `strip`, or
 * `string.dump(f, true)`, writes in the Lua 5.4 VM).
 *
 * A fixed parameter lives in its register for the whole function, so the
 * first one (register 0) can be seen only by an instruction naming register
 * 0 in one of its operands, or by a closure of the function capturing it as
 * an upvalue. The check is conservative: any instruction whose register
 * operand is 0, read or written, counts as a use, and bytecode it cannot
 * read whole (another format, a truncated dump) counts as a use too. What
 * it cannot see is `debug.getlocal` (from the function or one it calls).
 *
 * The bridge uses it to pass nil instead of the fresh wrapper a
 * `socket_message` callback gets as its socket (R25) when the callback never
 * names the socket: a wrapper nothing can see need not be made
 * (docs/semantics.md; `semantics.unnamedSocket`).
 *
 * @internal
 */

/**
 * Lua 5.4's opcodes (lopcodes.h, "ORDER OP"), by number; only those whose
 * operands this file treats specially are named.
 */
const OP = {
  MOVE: 0,
  GETTABLE: 12,
  GETI: 13,
  GETFIELD: 14,
  SETTABUP: 15,
  SETTABLE: 16,
  SETI: 17,
  SETFIELD: 18,
  SELF: 20,
  ADDI: 21,
  BXORK: 31,
  SHRI: 32,
  SHLI: 33,
  ADD: 34,
  SHR: 45,
  MMBIN: 46,
  UNM: 49,
  LEN: 52,
  JMP: 56,
  EQ: 57,
  LE: 59,
  TESTSET: 67,
  EXTRAARG: 82,
} as const;
/** Opcodes 0 … NUM_OPCODES - 1 exist; a higher one means a bytecode this file does not know. */
const NUM_OPCODES = 83;

/** Opcodes whose B operand names a register. */
const B_REGISTER = new Set<number>([OP.MOVE, OP.GETTABLE, OP.GETI, OP.GETFIELD, OP.SETTABLE, OP.SELF, OP.MMBIN, OP.TESTSET]);
for (let op = OP.ADDI; op <= OP.SHR; op++) B_REGISTER.add(op); // ADDI, the K forms, SHRI, SHLI, the register forms
for (let op = OP.UNM; op <= OP.LEN; op++) B_REGISTER.add(op); // UNM, BNOT, NOT, LEN
for (let op = OP.EQ; op <= OP.LE; op++) B_REGISTER.add(op); // EQ, LT, LE
/** Opcodes whose C operand names a register. */
const C_REGISTER = new Set<number>([OP.GETTABLE]);
for (let op = OP.ADD; op <= OP.SHR; op++) C_REGISTER.add(op);
/** Opcodes whose C operand is RK(C): a register unless the k bit is set. */
const C_RK = new Set<number>([OP.SETTABUP, OP.SETTABLE, OP.SETI, OP.SETFIELD, OP.SELF]);
/** Opcodes without a register in A: SETTABUP's A is an upvalue, JMP and EXTRAARG use those bits otherwise. */
const A_NOT_REGISTER = new Set<number>([OP.SETTABUP, OP.JMP, OP.EXTRAARG]);

/** The header `lua_dump` writes on this VM: signature, version 5.4, format 0, LUAC_DATA, sizes, then check values. */
const HEADER = [0x1b, 0x4c, 0x75, 0x61, 0x54, 0x00, 0x19, 0x93, 0x0d, 0x0a, 0x1a, 0x0a, 0x04, 0x08, 0x08];
/** Bytes after {@link HEADER}: LUAC_INT and LUAC_NUM (8 each), then the main closure's upvalue count. */
const HEADER_REST = 17;

/** Thrown by the reader on bytecode it cannot read. */
class Unreadable extends Error {}

/** A reader over a dump. */
class DumpReader {
  at = 0;
  constructor(private readonly b: Uint8Array) {}

  byte(): number {
    if (this.at >= this.b.length) throw new Unreadable();
    return this.b[this.at++]!;
  }

  /** A size or int: 7 bits a byte, most significant first, the last byte's high bit set. */
  size(): number {
    let x = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      x = x * 128 + (b & 0x7f);
      if (b & 0x80) return x;
    }
    throw new Unreadable();
  }

  skip(n: number): void {
    if (n < 0 || this.at + n > this.b.length) throw new Unreadable();
    this.at += n;
  }

  /** A string (its size + 1, 0 for none), skipped. */
  string(): void {
    const n = this.size();
    if (n > 0) this.skip(n - 1);
  }

  /** A 32-bit instruction, little-endian. */
  word(): number {
    const b = this.b;
    const i = this.at;
    this.skip(4);
    return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  }
}

/** Whether an instruction names register 0 in one of its register operands. */
function namesRegisterZero(i: number): boolean {
  const op = i & 0x7f;
  if (op >= NUM_OPCODES) throw new Unreadable();
  const a = (i >>> 7) & 0xff;
  if (a === 0 && !A_NOT_REGISTER.has(op)) return true;
  if (((i >>> 16) & 0xff) === 0 && B_REGISTER.has(op)) return true;
  if (((i >>> 24) & 0xff) === 0) {
    if (C_REGISTER.has(op)) return true;
    if (C_RK.has(op) && ((i >>> 15) & 1) === 0) return true;
  }
  return false;
}

/** What {@link readFunction} tells of a function. */
interface FunctionUse {
  readonly params: number;
  readonly vararg: boolean;
  /** Its register 0 is named by one of its instructions (read only with `check`) or captured by a closure made in it. */
  readonly zeroUsed: boolean;
  /** One of its upvalues is its parent's register 0. */
  readonly capturesParentZero: boolean;
}

/**
 * Reads one function of the dump, its closures' functions within it, and
 * says how it uses register 0 (see {@link FunctionUse}); with `check` false
 * its instructions are only skipped (a closure's own register 0 is not its
 * parent's).
 */
function readFunction(r: DumpReader, check: boolean): FunctionUse {
  r.string(); // source
  r.size(); // linedefined
  r.size(); // lastlinedefined
  const params = r.byte();
  const vararg = r.byte() !== 0;
  r.byte(); // maxstacksize
  const ncode = r.size();
  let zeroUsed = false;
  for (let k = 0; k < ncode; k++) {
    const i = r.word();
    if (check && !zeroUsed && namesRegisterZero(i)) zeroUsed = true;
  }
  const nk = r.size();
  for (let k = 0; k < nk; k++) {
    const t = r.byte();
    if (t === 3 || t === 19) r.skip(8); // integer, float
    else if (t === 4 || t === 20) r.string(); // short, long string
    else if (t !== 0 && t !== 1 && t !== 17) throw new Unreadable(); // nil, false, true
  }
  let capturesParentZero = false;
  const nup = r.size();
  for (let k = 0; k < nup; k++) {
    const instack = r.byte();
    const idx = r.byte();
    r.byte(); // kind
    if (instack !== 0 && idx === 0) capturesParentZero = true;
  }
  const np = r.size();
  for (let k = 0; k < np; k++) if (readFunction(r, false).capturesParentZero) zeroUsed = true;
  // Debug information (empty when stripped, but read whole either way).
  const nline = r.size();
  r.skip(nline);
  const nabs = r.size();
  for (let k = 0; k < nabs; k++) {
    r.size();
    r.size();
  }
  const nloc = r.size();
  for (let k = 0; k < nloc; k++) {
    r.string();
    r.size();
    r.size();
  }
  const nupname = r.size();
  for (let k = 0; k < nupname; k++) r.string();
  return { params, vararg, zeroUsed, capturesParentZero };
}

/**
 * True when the function `dump` holds (what `lua_dump` with `strip`, or
 * `string.dump(f, true)`, writes on this VM) cannot see its first argument:
 * it has no fixed parameter and no `...`, or its first parameter's register
 * is never named by its instructions nor captured by a closure made in it.
 * False when it may see it, and for any dump this file cannot read whole.
 */
export function firstArgumentUnseen(dump: Uint8Array): boolean {
  if (dump.length < HEADER.length || HEADER.some((b, i) => dump[i] !== b)) return false;
  const r = new DumpReader(dump);
  let use: FunctionUse;
  try {
    r.skip(HEADER.length + HEADER_REST);
    use = readFunction(r, true);
  } catch (e) {
    if (e instanceof Unreadable) return false;
    throw e;
  }
  if (r.at !== dump.length) return false;
  if (use.params === 0) return !use.vararg;
  return !use.zeroUsed;
}
