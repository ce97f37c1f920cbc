/**
 * One instance of the Lua WebAssembly module as the bridge uses it: its raw
 * C functions, and the C function pointers every Lua state of the
 * instance calls back into JS through (the host-function trampoline, the
 * `__gc` of host userdata, the message handler, the count hook, the panic
 * function), and the writer `lua_dump` is given (no state holds it).
 *
 * The pointers are added to the module's function table once, when the
 * instance is made, and forward to whichever bridge owns the instance now:
 * so they sit at the same table indices in every instance, and a memory
 * snapshot that contains them (in closures, in the hook, in the panic slot)
 * stays valid when it is copied into another instance (see pool.ts).
 *
 * @internal
 */
import { loadLuaModule, type LuaC, type LuaState } from "./wasm.js";

/** What the instance's C function pointers call: the owning bridge's handlers. */
export interface InstanceHandlers {
  dispatch(L: LuaState): number;
  collect(L: LuaState): number;
  messageHandler(L: LuaState): number;
  countHook(L: LuaState): void;
  panic(L: LuaState): number;
  /** `lua_dump`'s writer: `size` bytes at `p` (0: go on). */
  dumpWrite(p: number, size: number): number;
}

/** The C function pointers of an instance (function-table indices). */
export interface InstanceFunctions {
  readonly trampoline: number;
  readonly gcFn: number;
  readonly msgh: number;
  readonly hook: number;
  readonly panic: number;
  readonly dumpWriter: number;
}

/** The raw wasm exports the pool reads besides the C API. */
interface RawExports {
  stackSave(): number;
}

function unowned(): never {
  throw new Error("Lua instance: called back with no bridge owning the instance");
}

/** See the module comment. */
export class LuaInstance {
  readonly fns: InstanceFunctions;
  /** The bridge the callbacks go to (undefined while the instance is idle in the pool). */
  private handlers: InstanceHandlers | undefined;
  /**
   * Set when something may have left state outside linear memory
   * inconsistent (a trap, a panic, an instruction-limit abort): such an
   * instance is never reused.
   */
  tainted = false;
  /** Highest heap break (`sbrk`) any user reached: memory above it is still all zeros. */
  dirtyTop = 0;

  constructor(readonly c: LuaC) {
    this.fns = {
      trampoline: c.addFunction((l: number) => (this.handlers ?? unowned()).dispatch(l), "ii"),
      gcFn: c.addFunction((l: number) => (this.handlers ?? unowned()).collect(l), "ii"),
      msgh: c.addFunction((l: number) => (this.handlers ?? unowned()).messageHandler(l), "ii"),
      hook: c.addFunction((l: number) => (this.handlers ?? unowned()).countHook(l), "vii"),
      panic: c.addFunction((l: number) => (this.handlers ?? unowned()).panic(l), "ii"),
      dumpWriter: c.addFunction((_l: number, p: number, size: number) => (this.handlers ?? unowned()).dumpWrite(p, size), "iiiii"),
    };
  }

  /** Routes the callbacks to a bridge (the new owner); undefined detaches. */
  own(handlers: InstanceHandlers | undefined): void {
    this.handlers = handlers;
  }

  /** True while a bridge owns the instance. */
  get owned(): boolean {
    return this.handlers !== undefined;
  }

  /**
   * The wasm shadow-stack pointer now (equal to its base whenever no C call
   * is running); NaN if the module does not export it (then no snapshot
   * check passes and instances are never reused).
   */
  stackPointer(): number {
    const raw = (this.c as unknown as { rawExports?: Partial<RawExports> }).rawExports;
    return raw?.stackSave?.() ?? Number.NaN;
  }
}

/** A new instance of the module (own memory, own function table). */
export async function newLuaInstance(): Promise<LuaInstance> {
  return new LuaInstance(await loadLuaModule());
}
