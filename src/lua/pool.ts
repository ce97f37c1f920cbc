/**
 * Memory snapshots of Lua module instances and a bounded pool of idle
 * instances, so a fresh VM costs a memory copy instead of a new wasm
 * instance plus running the preludes.
 *
 * What makes a copy of linear memory a faithful copy of a VM:
 * - all C state (Lua's, dlmalloc's, the heap break, the shadow stack) lives
 *   in linear memory below the heap break; everything above the break is
 *   zeros in a new instance, and we zero what a previous user dirtied there;
 * - the C function pointers the state holds are the instance's five
 *   callbacks (instance.ts), at the same table indices in every instance;
 * - the wasm stack pointer is at its base whenever no C call runs (checked
 *   when an instance comes back);
 * - the JS side of the bridge is rebuilt from what it was at the snapshot
 *   (bridge.ts `BridgeState`).
 * An instance that trapped, panicked, hit the instruction limit or was
 * closed while running is tainted and never comes back (see instance.ts).
 *
 * @internal
 */
import { newLuaInstance, type InstanceFunctions, type LuaInstance } from "./instance.js";
import { probeAllgcOffset } from "./close-alloc.js";

/** Idle instances kept at most (each holds a 16 MiB+ memory). */
export const MAX_IDLE_INSTANCES = 4;

const idle: LuaInstance[] = [];

/** Address of emscripten's heap break (`sbrk`) variable, once found; null: not found. */
let breakAddress: number | null | undefined;

interface RawStackExports {
  emscripten_stack_get_end(): number;
  emscripten_stack_get_base(): number;
}

function raw(inst: LuaInstance): Partial<RawStackExports> {
  return (inst.c as unknown as { rawExports?: Partial<RawStackExports> }).rawExports ?? {};
}

/** The current heap break of `inst`; undefined while the break's address is not known (see {@link probeOnFreshInstance}). */
export function knownHeapBreak(inst: LuaInstance): number | undefined {
  return breakAddress == null ? undefined : inst.c.HEAPU32[breakAddress >> 2]!;
}

/** The current heap break of `inst`, or its whole memory size if the break's address is unknown. */
function heapBreak(inst: LuaInstance, address = breakAddress): number {
  const heap = inst.c.HEAPU8;
  if (address == null) return heap.length;
  return inst.c.HEAPU32[address >> 2]!;
}

/**
 * Finds the address of the heap-break variable: after a large allocation
 * at `p`, the word of the C data area (below the shadow stack) that moved
 * up with it to the highest address at or just past the block's end
 * (dlmalloc's own `top` pointer stays below the break). Dirties `inst`'s heap (the caller
 * restores a snapshot over it).
 */
function probeBreakAddress(inst: LuaInstance): number | null {
  const end = raw(inst).emscripten_stack_get_end?.();
  if (end === undefined || end <= 0) return null;
  const c = inst.c;
  const words = end >> 2;
  const size = 1 << 20;
  const before = c.HEAPU32.slice(0, words);
  const p = c._malloc(size);
  if (!p) return null;
  const heap = c.HEAPU32;
  let best = -1;
  let bestValue = 0;
  let ties = 0;
  for (let i = 0; i < words; i++) {
    const v = heap[i]!;
    if (v < p + size || v > p + size + (1 << 18) || v - before[i]! < size / 2) continue;
    if (v > bestValue) {
      best = i << 2;
      bestValue = v;
      ties = 0;
    } else if (v === bestValue) {
      ties++;
    }
  }
  // Check: a second large block (the first still held) moves that word up by at least its size.
  const q = best < 0 || ties > 0 ? 0 : c._malloc(size);
  const moved = q !== 0 && c.HEAPU32[best >> 2]! - bestValue >= size;
  if (q) c._free(q);
  c._free(p);
  return moved ? best : null;
}

/**
 * Finds the heap-break address (once per process) on a new, unused
 * instance and puts the instance back exactly as it was: its data, stack
 * and first heap bytes are saved before the probe and copied back after,
 * and the heap the probe used is zeroed. Call before building anything in
 * the instance.
 */
export function probeOnFreshInstance(inst: LuaInstance): void {
  if (breakAddress !== undefined) return;
  const base = raw(inst).emscripten_stack_get_base?.();
  const heap = inst.c.HEAPU8;
  if (base === undefined || base <= 0 || base + (1 << 16) > heap.length) {
    breakAddress = null;
    return;
  }
  const saved = heap.slice(0, base + (1 << 16));
  probeAllgcOffset(inst.c);
  const found = probeBreakAddress(inst);
  const pristineBreak = found === null ? Infinity : new Uint32Array(saved.buffer, found, 1)[0]!;
  const used = found === null ? heap.length : heapBreak(inst, found);
  inst.c.HEAPU8.set(saved, 0);
  inst.c.HEAPU8.fill(0, saved.length, Math.max(saved.length, Math.min(used, inst.c.HEAPU8.length)));
  breakAddress = pristineBreak <= saved.length ? found : null;
}

/**
 * The shadow stack's range [end, base) in `inst`'s memory (it grows down
 * from base), if the module reports one inside `size` bytes.
 */
function stackRange(inst: LuaInstance, size: number): { end: number; base: number } | undefined {
  const r = raw(inst);
  const end = r.emscripten_stack_get_end?.();
  const base = r.emscripten_stack_get_base?.();
  if (end === undefined || base === undefined || !(end > 0 && end < base && base <= size)) return undefined;
  return { end, base };
}

/**
 * A copy of an instance's memory (up to its heap break) and what must match
 * to restore it.
 *
 * The shadow stack (1 MiB, between the C data and the heap) is left out:
 * a snapshot is taken and restored only while no C call runs, when the
 * stack pointer stands at the stack's base, so nothing on the stack is
 * alive; C code writes a stack slot before it reads it, so what a previous
 * user left there is never read. Leaving it out makes a restore copy a
 * quarter of the bytes.
 */
export class MemorySnapshot {
  /** Where the bytes after the stack go (0: `bytes` is one block from address 0). */
  private readonly tailAt: number;
  /** Memory bytes [0, stack end) when the stack is left out. */
  private readonly head: Uint8Array | undefined;
  /** Memory bytes [stack base, heap break), or [0, heap break) when the stack is kept. */
  private readonly tail: Uint8Array;

  private constructor(
    /** Memory bytes [0, heap break) (the stack's bytes among them are not restored). */
    bytes: Uint8Array,
    /** The wasm stack pointer at the snapshot (its base). */
    readonly stackPointer: number,
    /** The callbacks' table indices the memory refers to. */
    readonly fns: InstanceFunctions,
    stack: { end: number; base: number } | undefined,
  ) {
    this.length = bytes.length;
    if (stack !== undefined && stack.base === stackPointer && stack.base <= bytes.length) {
      this.head = bytes.slice(0, stack.end);
      this.tail = bytes.slice(stack.base);
      this.tailAt = stack.base;
    } else {
      this.head = undefined;
      this.tail = bytes;
      this.tailAt = 0;
    }
  }

  /** Bytes the snapshot spans (its heap break, rounded up). */
  readonly length: number;

  /**
   * Snapshots `inst` (no C call may be running). `inst` must not be used
   * as is afterwards: it is handed to {@link releaseInstance} (the first
   * snapshot of the process probes the heap-break address on it).
   */
  static take(inst: LuaInstance): MemorySnapshot {
    const heap = inst.c.HEAPU8;
    const stackPointer = inst.stackPointer();
    if (breakAddress != null) {
      // Found by probeOnFreshInstance: copy up to the break, nothing to undo.
      const bytes = heap.slice(0, Math.min(heap.length, (heapBreak(inst) + 7) & ~7));
      inst.dirtyTop = Math.max(inst.dirtyTop, heapBreak(inst));
      return new MemorySnapshot(bytes, stackPointer, inst.fns, stackRange(inst, heap.length));
    }
    const whole = heap.slice();
    if (breakAddress === undefined) breakAddress = probeBreakAddress(inst);
    let top: number;
    if (breakAddress !== null) {
      top = new Uint32Array(whole.buffer, breakAddress, 1)[0]!;
    } else {
      top = whole.length;
      while (top > 0 && whole[top - 1] === 0) top--;
    }
    const bytes = whole.slice(0, Math.min(whole.length, (top + 7) & ~7));
    inst.dirtyTop = Math.max(inst.dirtyTop, heapBreak(inst));
    return new MemorySnapshot(bytes, stackPointer, inst.fns, stackRange(inst, heap.length));
  }

  /** Copies the snapshot into `inst` and zeros what was used above it. */
  restoreInto(inst: LuaInstance): void {
    const f = inst.fns;
    if (
      f.trampoline !== this.fns.trampoline ||
      f.gcFn !== this.fns.gcFn ||
      f.msgh !== this.fns.msgh ||
      f.hook !== this.fns.hook ||
      f.panic !== this.fns.panic
    ) {
      throw new Error("Lua snapshot: the instance's callbacks are not where the snapshot expects them");
    }
    const heap = inst.c.HEAPU8;
    if (heap.length < this.length) throw new Error("Lua snapshot: instance memory smaller than the snapshot");
    if (this.head !== undefined) {
      if (inst.stackPointer() !== this.stackPointer) throw new Error("Lua snapshot: the instance's stack is not at its base");
      heap.set(this.head, 0);
    }
    heap.set(this.tail, this.tailAt);
    const top = Math.min(inst.dirtyTop, heap.length);
    if (top > this.length) heap.fill(0, this.length, top);
    inst.dirtyTop = this.length;
  }
}

/** An idle instance from the pool, or a new one. */
export async function takeInstance(): Promise<LuaInstance> {
  return idle.pop() ?? (await newLuaInstance());
}

/**
 * Gives an instance back after its VM closed: kept for reuse unless it is
 * tainted, its stack pointer is not back at `snapshot`'s, or the pool is full.
 */
export function releaseInstance(inst: LuaInstance, snapshot: MemorySnapshot): void {
  inst.own(undefined);
  if (inst.tainted || inst.stackPointer() !== snapshot.stackPointer) return;
  inst.dirtyTop = Math.max(inst.dirtyTop, heapBreak(inst));
  if (idle.length < MAX_IDLE_INSTANCES && !idle.includes(inst)) idle.push(inst);
}

let pooledByDefault = true;

/**
 * Whether `createLuaVm` without a `pooled` option starts from the snapshot
 * (true, the default) or builds every VM from scratch. For comparing the two
 * paths in one process (specs, benchmarks).
 */
export function setLuaVmPoolingDefault(on: boolean): void {
  pooledByDefault = on;
}

/** See {@link setLuaVmPoolingDefault}. */
export function luaVmPoolingDefault(): boolean {
  return pooledByDefault;
}

/** Number of idle instances (for specs). */
export function idleInstanceCount(): number {
  return idle.length;
}

/** Drops every idle instance (for specs and memory-conscious hosts). */
export function drainInstancePool(): void {
  idle.length = 0;
}
