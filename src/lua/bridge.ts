import { text, type ByteString } from "../core/bytes.js";
import {
  LuaError,
  LuaInstructionLimitError,
  LuaRaise,
  LuaSyntaxError,
  LuaVmClosedError,
} from "./errors.js";
import { closeDiscardingMemory, forEachThread } from "./close-alloc.js";
import { HeapBytes, type HeapBytesState } from "./heap.js";
import { BRIDGE_HELPERS_LUA, INDEX_PARTS, INDEX_VARIANTS } from "./helpers.js";
import { callShimFor, SHIM_NO_STAGE, SHIM_NOT_CACHED, type CallShim } from "./call-shim.js";
import { firstArgumentUnseen } from "./param-use.js";
import { LUA_STATE_ALLOWHOOK } from "./wasm-patch.js";
import type { LuaInstance } from "./instance.js";
import type { TemplateClass } from "./objects.js";
import type { EditedChunk } from "./frontend/edits.js";
import { LuaRef, type LuaRefType } from "./ref.js";
import { LuaMulti, LuaRecords, type HostFunction, type HostResult, type LuaInput, type LuaValue } from "./values.js";
import {
  MASK_COUNT,
  MULTRET,
  luaModuleInfo,
  REGISTRY,
  RIDX_GLOBALS,
  STATUS,
  T,
  upvalueIndex,
  type LuaC,
  type LuaState,
} from "./wasm.js";
import { emptyArray } from "../core/site-free.js";

/** First word of the userdata behind a host function closure. */
const FN_MAGIC = 0x52_53_46_4e; // "RSFN"
/** First word of the userdata standing for a host object. */
const OBJ_MAGIC = 0x52_53_4f_42; // "RSOB"
/** First word of an alias userdata (see {@link LuaBridge.pushAlias}); the second is its object's userdata's address. */
const ALIAS_MAGIC = 0x52_53_41_4c; // "RSAL"
const NO_FAILURE: unique symbol = Symbol("none");

/**
 * A host function working on the Lua stack directly: it reads its arguments
 * at indices 1..`lua_gettop(L)`, pushes its results and returns their count.
 * For hot paths that want to avoid argument conversion.
 */
export type RawHostFunction = (L: LuaState, bridge: LuaBridge) => number;

/**
 * For a host object about to be pushed as a call argument: the object whose
 * alias Lua should get instead (see {@link LuaBridge.pushAlias}), or
 * undefined to push the object itself.
 */
export type AliasOf = (obj: object) => object | undefined;

/**
 * @internal A host function as the bridge keeps it (by the id in its
 * closure's userdata). A class, not an object literal, as {@link ObjectEntry}.
 */
export class FnEntry {
  constructor(
    readonly fn: HostFunction | RawHostFunction,
    readonly name: string,
    /** `luaL_where` level used to prefix errors raised by this function. */
    readonly whereLevel: number,
    readonly raw: boolean,
  ) {}

  /** The same entry calling `fn`. */
  withFn(fn: HostFunction | RawHostFunction): FnEntry {
    return new FnEntry(fn, this.name, this.whereLevel, this.raw);
  }
}

/** The internal slot of a host class: see objects.ts. */
export interface HostClassSlot {
  readonly typeName: string;
  /** Registry ref of the class metatable. */
  readonly mtRef: number;
  /** {@link mtRef} as a `lua_Integer`. */
  readonly mtKey: bigint;
  /** Equality of two objects of the class beyond `===` (see HostClassSpec.equals). */
  readonly equals?: (a: object, b: object) => boolean;
}

/**
 * A host object that has a userdata in Lua. A class, not an object literal:
 * V8 can decide that an object literal's objects are long-lived (a song
 * walked from Lua keeps thousands) and allocate that literal's later objects
 * straight into the old generation, where each, holding its host object,
 * would keep a later short-lived VM's world alive across scavenges (see
 * docs/performance.md, nineteenth round).
 */
class ObjectEntry {
  constructor(
    readonly obj: object,
    readonly cls: HostClassSlot,
    /** Its id (the second word of its userdata); also its key in the object cache. */
    readonly id: number,
    /** Found through a property of `obj` (see LuaBridge.tag) rather than the `objectIds` map. */
    readonly tagged: boolean,
    /** The address of its userdata's block (what an alias names: see LuaBridge.pushAlias). */
    readonly addr: number,
  ) {}
}

/** An object that may carry its userdata's id (see LuaBridge.tag). */
type Tagged = Record<symbol, number | undefined>;

/** `lua_getfield` (the module exports it; wasm.ts's `LuaC` does not declare it). */
type WithGetField = LuaC & {
  _lua_getfield(L: LuaState, idx: number, k: number): number;
  _lua_setfield(L: LuaState, idx: number, k: number): void;
};

/** How many field names {@link LuaBridge} keeps as C strings for plain objects' keys (see pushTable). */
const FIELD_NAMES_MAX = 512;

/** `BigInt(i)` of small integers, made once: pushing an integer or filling a sequence allocates no bigint. */
const SMALL_INTS: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));

/** `v` as a `lua_Integer` (`v` a safe integer). */
function int64(v: number): bigint {
  return v >= 0 && v < 1024 ? SMALL_INTS[v]! : BigInt(v);
}

/** callStaged's misuse: what stageField staged is not on top of the stack. */
const NO_STAGE = "LuaBridge.callStaged: no call staged on top of the stack (stageField must come right before)";

/** A value kept in the registry: its `luaL_ref` index, and that index as the `lua_Integer` `lua_rawgeti` takes. */
interface RegistrySlot {
  readonly ref: number;
  readonly key: bigint;
}

/** What is known of a staged function (see `LuaBridge.knownFnState`). */
const FN_STAGED_ONCE = 0;
const FN_NEVER_SEES = 1;
const FN_SEES = 2;

/** Names of the first arguments in error messages, made once rather than per call. */
const ARG_NAMES = Array.from({ length: 8 }, (_, i) => `argument #${i + 1}`);

type HelperName = "get" | "set" | "method" | "make_class" | "seen" | "known";

/**
 * The JS side of a bridge as it stood when its Lua state was snapshotted
 * (see pool.ts): with the same memory copied back, a bridge built from it is
 * the same bridge. `funcs` are the host functions alive then.
 *
 * @internal
 */
export interface BridgeState {
  readonly heap: HeapBytesState;
  readonly modeText: number;
  readonly fnMetaKey: bigint;
  readonly objCacheKey: bigint;
  readonly guardRef: number;
  readonly helperRefs: ReadonlyMap<HelperName, bigint>;
  readonly nextFnId: number;
  readonly funcs: ReadonlyMap<number, FnEntry>;
  /** True when `funcs` was made for this bridge alone: it is taken as it is instead of copied. */
  readonly funcsOwned?: boolean;
}

/** Options of {@link LuaBridge}. */
export interface BridgeOptions {
  /** Max Lua steps per entry from the host (see wasm-patch.ts: instructions where the module is not patched); 0 disables. */
  instructionLimit: number;
  /** Steps between two checks of the limit. */
  hookStep: number;
}

/**
 * The byte-exact JS ⇄ Lua bridge of one Lua state, built on wasmoon's raw C
 * API: value conversion, host functions (one shared `lua_CFunction`
 * trampoline; each closure carries a small userdata naming its JS function),
 * registry refs, protected calls with tracebacks, the instruction limit and
 * host objects as interned userdata.
 *
 * `LuaVm` is the public face; the bridge is exposed as `vm.bridge` for code
 * that needs the raw stack.
 */
export class LuaBridge {
  /** Byte-string transfer through the module heap. */
  readonly bytes: HeapBytes;
  /** The module's raw C functions and heap. */
  readonly c: LuaC;
  private readonly trampoline: number;
  private readonly gcFn: number;
  private readonly msgh: number;
  private readonly hook: number;
  private readonly modeText: number;

  private readonly funcs: Map<number, FnEntry>;
  private nextFnId = 1;
  private readonly fnMetaKey: bigint;

  /**
   * The entry of each live host userdata, by id. Ids are reused once a
   * userdata is collected (its `__gc` clears the id in its memory), so this
   * array stays as long as the most userdata alive at once, and the object
   * cache (keyed by id) keeps its keys in its array part.
   */
  private readonly slots: (ObjectEntry | undefined)[] = [undefined];
  /** Ids free for reuse, and each id as a `lua_Integer` (made once per id). */
  private readonly freeIds: number[] = [];
  private readonly slotKeys: bigint[] = [0n];
  private liveObjects = 0;
  /** The entry of each host object that has a live userdata (objects not {@link tag}ged). */
  private readonly objectIds = new Map<object, ObjectEntry>();
  /**
   * Property under which an object pushed for one call (see
   * {@link pushArgs}) keeps the id of its userdata (valid while
   * `slots[id].obj` is the object): a write to a new object's property
   * costs a few nanoseconds, a new key in `objectIds` some hundreds.
   */
  private readonly tag = Symbol("renoise-sim.lua.userdata");
  private readonly objectClasses = new WeakMap<object, HostClassSlot>();
  /** Host classes of every instance of a JS class, by its prototype (see {@link bindPrototype}). */
  private readonly prototypeClasses = new Map<object, HostClassSlot>();
  /** Each class's alias metatable (its metatable without `__gc`) in the registry, made on first use. */
  private readonly aliasMts = new Map<HostClassSlot, RegistrySlot>();
  /** The class of the last alias pushed and its metatable (callbacks alias one class over and over). */
  private lastAliasClass: HostClassSlot | undefined;
  private lastAliasMt: RegistrySlot = { ref: 0, key: 0n };
  private readonly objCacheKey: bigint;
  /** NUL-terminated copies of field names for `lua_getfield`, made once per name. */
  private readonly cstrings = new Map<string, number>();
  /** The name {@link cstring} was last asked for, and its copy (callbacks ask for one name over and over). */
  private lastCName: string | undefined;
  private lastCString = 0;

  private guardRef = 0;
  private readonly helperRefs: Map<HelperName, bigint>;

  /** Lua states currently running a host function (innermost last). */
  private readonly states: LuaState[] = [];
  /** Borrowed refs of each running host function (allocated on first use). */
  private readonly frames: (LuaRef[] | undefined)[] = emptyArray();
  /** Protected-call nesting depth (0: no Lua code running). */
  private depth = 0;
  /** Message and traceback recorded by the message handler, per depth. */
  private readonly errorSlots: ({ msg: ByteString; tb: string } | undefined)[] = [];
  /** Last JS error turned into a Lua error, to link it as `cause`. */
  private lastJsError: { msg: ByteString; error: unknown } | undefined;

  private instructionLimit: number;
  private readonly hookStep: number;
  /** Instructions run by the current top-level entry (multiple of hookStep). */
  executed = 0;
  /** Steps counted while no entry from the host runs (finalizers of a collection the host's own calls started, or of close). */
  private outsideSteps = 0;
  /** Whether finalizers run outside any entry went over their budget: each is stopped at its next check until an entry begins. */
  private outsideStopping = false;
  /** Calls into Lua made by host functions that a finalizer run outside any entry called (they run on its budget). */
  private outsideNest = 0;
  /** Whether Lua code ran before the count hook was first installed (coroutines made then have no hook). */
  private ranUnhooked = false;
  private aborting = false;
  private abortMessage: ByteString = "";
  /** Traceback taken where the limit hit. */
  private abortTraceback = "";
  private closedReason: string | undefined;
  /** The state and stack base of a call {@link stageField} prepared (0: none). */
  private stagedL: LuaState = 0;
  private stagedBase = 0;
  /**
   * What is known of the function staged last that was not the one before it
   * (see {@link knowFunction}; held weakly in the `known` helper table's slot
   * 1, which the shim's stage compares with): staged once and not read yet
   * (it gets its wrapper), never sees its first argument, or may see it. Set
   * only with a shim; after a stage it is what is known of the function
   * staged, and {@link callStaged} may pass nil for a first argument the
   * function never sees, since nothing it runs could tell what was there.
   */
  private knownFnState: typeof FN_STAGED_ONCE | typeof FN_NEVER_SEES | typeof FN_SEES = FN_SEES;
  /** The registry ref of the `known` helper table (see {@link knowFunction}), as the shim's stage takes it. */
  private knownRef = 0;
  /** The hot path's C API calls made from wasm (see call-shim.ts); undefined: made from here. */
  private shim: CallShim | undefined;
  /** {@link objCacheKey} as a number (what the shim takes). */
  private readonly objCacheRef: number;

  /**
   * A bridge owning `instance` (its callbacks come here from now on). Without
   * `restored`, sets up the Lua side in `L` (message handler, metatables,
   * helpers); with it, takes the JS side of a bridge whose Lua state was
   * snapshotted and has just been copied back into the instance's memory.
   * The count hook is installed by the first {@link setInstructionLimit}
   * with a limit above 0 (or here if `options.instructionLimit` is).
   */
  constructor(
    /** The module instance the state lives in. */
    readonly instance: LuaInstance,
    /** The main Lua state. */
    readonly L: LuaState,
    options: BridgeOptions,
    restored?: BridgeState,
  ) {
    const c = (this.c = instance.c);
    this.instructionLimit = options.instructionLimit;
    this.hookStep = Math.max(1, Math.floor(options.hookStep));
    ({ trampoline: this.trampoline, gcFn: this.gcFn, msgh: this.msgh, hook: this.hook } = instance.fns);
    this.shim = callShimFor(c);
    instance.own({
      dispatch: (l) => this.dispatch(l),
      collect: (l) => this.collect(l),
      messageHandler: (l) => this.messageHandler(l),
      countHook: (l) => this.countHook(l),
      panic: (l) => this.panic(l),
      dumpWrite: (p, size) => this.dumpWrite(p, size),
    });
    if (restored) {
      this.bytes = HeapBytes.restore(c, restored.heap);
      this.modeText = restored.modeText;
      this.fnMetaKey = restored.fnMetaKey;
      this.objCacheKey = restored.objCacheKey;
      this.objCacheRef = Number(this.objCacheKey);
      this.guardRef = restored.guardRef;
      this.helperRefs = new Map(restored.helperRefs);
      this.knownRef = Number(this.helperRefs.get("known")!);
      this.nextFnId = restored.nextFnId;
      this.funcs = restored.funcsOwned === true ? (restored.funcs as Map<number, FnEntry>) : new Map(restored.funcs);
      if (this.instructionLimit > 0) c._lua_sethook(L, this.hook, MASK_COUNT, this.hookStep);
      return;
    }
    this.funcs = new Map();
    this.helperRefs = new Map();
    this.bytes = new HeapBytes(c);
    c._lua_atpanic(L, instance.fns.panic);
    // "t": text chunks only for host loads; "b" at +2 for the bytecode of a chunk compiled before (see load).
    this.modeText = c._malloc(4);
    c.HEAPU8.set([0x74, 0, 0x62, 0], this.modeText);

    // Metatable of the userdata inside host closures: frees the JS function on GC.
    c._lua_createtable(L, 0, 1);
    this.bytes.push(L, "__gc");
    c._lua_pushcclosure(L, this.gcFn, 0);
    c._lua_rawset(L, -3);
    this.fnMetaKey = BigInt(c._luaL_ref(L, REGISTRY));

    // Weak-valued cache: one userdata per live host object.
    c._lua_createtable(L, 0, 0);
    c._lua_createtable(L, 0, 1);
    this.bytes.push(L, "__mode");
    this.bytes.push(L, "v");
    c._lua_rawset(L, -3);
    c._lua_setmetatable(L, -2);
    this.objCacheRef = c._luaL_ref(L, REGISTRY);
    this.objCacheKey = BigInt(this.objCacheRef);

    this.loadHelpers();
    this.knownRef = Number(this.helperRefs.get("known")!);
    if (this.instructionLimit > 0) c._lua_sethook(L, this.hook, MASK_COUNT, this.hookStep);
  }

  /**
   * The JS side of this bridge now, for a snapshot of its Lua state (see
   * {@link BridgeState}). Only valid while no Lua code runs and no host
   * object has a userdata.
   */
  snapshotState(): BridgeState {
    if (this.depth > 0 || this.liveObjects > 0 || this.valueCacheKey !== 0n) {
      throw new Error("LuaBridge.snapshotState: Lua code is running or host objects are bound");
    }
    return {
      heap: this.bytes.state(),
      modeText: this.modeText,
      fnMetaKey: this.fnMetaKey,
      objCacheKey: this.objCacheKey,
      guardRef: this.guardRef,
      helperRefs: new Map(this.helperRefs),
      nextFnId: this.nextFnId,
      funcs: new Map(this.funcs),
    };
  }

  // ---------------------------------------------------------------- state

  /** True once closed or broken down. */
  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Throws {@link LuaVmClosedError} if the VM cannot run code. */
  ensureOpen(): void {
    if (this.closedReason !== undefined) throw new LuaVmClosedError(`Lua VM is unusable: ${this.closedReason}`);
  }

  /**
   * Closes the Lua state (runs `__gc` metamethods). Idempotent. The
   * objects' memory is not handed back to malloc (see close-alloc.ts): a
   * closed VM's instance is dropped, or restored from a snapshot before
   * its next use (pool.ts).
   */
  close(): void {
    if (this.closedReason !== undefined) return;
    if (this.depth > 0) {
      this.instance.tainted = true;
      throw new LuaVmClosedError("Lua VM: close() called while Lua code is running");
    }
    this.closedReason = "closed";
    try {
      // Host-function userdata get no __gc call at close: their bookkeeping dies with the state.
      const c = this.c;
      const L = this.L;
      if (c._lua_rawgeti(L, REGISTRY, this.fnMetaKey) === T.TABLE) {
        this.bytes.push(L, "__gc");
        c._lua_pushnil(L);
        c._lua_rawset(L, -3);
      }
      c._lua_settop(L, -2);
      closeDiscardingMemory(c, L);
    } catch (e) {
      this.instance.tainted = true;
      throw e;
    }
  }

  /** The Lua state to use now: the one running the innermost host function, else the main state. */
  get current(): LuaState {
    return this.states.length ? this.states[this.states.length - 1]! : this.L;
  }

  /** The guard table shared with the prelude (see helpers.ts). */
  get guardRefIndex(): number {
    return this.guardRef;
  }

  /**
   * Tells the bridge that the Lua run so far made no coroutine (the VM's own
   * setup, run before its limit is set): turning the limit on then need not
   * look for threads to hook.
   */
  noThreadsMadeYet(): void {
    this.ranUnhooked = false;
  }

  /** Changes the instruction limit (0 disables checks; the hook stays installed). */
  setInstructionLimit(limit: number): void {
    if (this.instructionLimit === 0 && limit > 0) {
      const c = this.c;
      c._lua_sethook(this.L, this.hook, MASK_COUNT, this.hookStep);
      // A coroutine takes its hook from its creator when made: those made before the hook get it now.
      if (this.ranUnhooked) forEachThread(c, this.L, (T) => void c._lua_sethook(T, this.hook, MASK_COUNT, this.hookStep));
      this.ranUnhooked = false;
    }
    this.instructionLimit = limit;
  }

  // ---------------------------------------------------------------- values

  /** Pushes a JS value (see {@link LuaInput}) onto `L`'s stack. */
  push(L: LuaState, v: LuaInput, name = "value"): void {
    const c = this.c;
    switch (typeof v) {
      case "undefined":
        c._lua_pushnil(L);
        return;
      case "boolean":
        c._lua_pushboolean(L, v ? 1 : 0);
        return;
      case "number":
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) c._lua_pushinteger(L, int64(v));
        else c._lua_pushnumber(L, v);
        return;
      case "bigint":
        c._lua_pushinteger(L, BigInt.asIntN(64, v));
        return;
      case "string":
        this.bytes.push(L, v, name);
        return;
      case "function":
        this.pushFunction(L, v as HostFunction, name);
        return;
      case "object":
        break;
      default:
        throw new TypeError(`${name}: cannot pass a ${typeof v} to Lua`);
    }
    if (v === null) {
      c._lua_pushnil(L);
      return;
    }
    if (v instanceof LuaRecords) {
      this.pushRecords(L, v, name);
      return;
    }
    const cls = this.hostClassFor(v);
    if (cls) this.pushObject(L, v, cls);
    else this.pushOther(L, v, name);
  }

  /** {@link push} of an object that is not a host object (see {@link hostClassFor}). */
  private pushOther(L: LuaState, v: object, name: string): void {
    if (v instanceof LuaRef) {
      v.check(this);
      this.c._lua_rawgeti(L, REGISTRY, v.key);
    } else if (v instanceof Uint8Array) {
      this.bytes.pushArray(L, v);
    } else if (v instanceof LuaMulti) {
      throw new TypeError(`${name}: multi(...) is only allowed as the return value of a host function`);
    } else {
      this.pushTable(L, v, name);
    }
  }

  /**
   * Pushes a {@link LuaRecords}: the same tables as {@link pushTable} makes
   * of the array of its records (same sizes, fields in the same order), the
   * field names as kept C strings (see {@link fieldName}).
   */
  private pushRecords(L: LuaState, v: LuaRecords, name: string): void {
    const c = this.c as WithGetField;
    const { records, keys } = v;
    const n = records.length;
    if (!c._lua_checkstack(L, 4)) throw new RangeError(`${name}: Lua stack overflow (nested too deep?)`);
    const names = keys.map((k) => this.fieldName(k));
    if (names.includes(0)) {
      // A key that must cross as bytes: the same tables through pushTable, with the listed fields only.
      const picked = records.map((r) => {
        const o: Record<string, LuaInput> = {};
        for (const k of keys) if (r[k] !== undefined) o[k] = r[k];
        return o;
      });
      this.pushTable(L, picked, name);
      return;
    }
    c._lua_createtable(L, n, 0);
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      let size = 0;
      for (let j = 0; j < keys.length; j++) if (r[keys[j]!] !== undefined) size++;
      c._lua_createtable(L, 0, size);
      for (let j = 0; j < keys.length; j++) {
        const val = r[keys[j]!];
        if (val === undefined) continue;
        this.push(L, val, typeof val === "number" || typeof val === "boolean" ? name : `${name}[${i + 1}].${keys[j]!}`);
        c._lua_setfield(L, -2, names[j]!);
      }
      c._lua_rawseti(L, -2, int64(i + 1));
    }
  }

  /**
   * The host class {@link push} gives `v` (an object with a live userdata or
   * a class), or undefined when it would push something else (with
   * {@link pushOther}). What {@link classOf} gives, its live entry read once.
   */
  private hostClassFor(v: object): HostClassSlot | undefined {
    const live = this.liveEntry(v); // refs, bytes and multi never have one
    return live !== undefined ? live.cls : this.boundClassOf(v);
  }

  /**
   * The class `v` was bound to without a live userdata: by {@link bindObject},
   * by its prototype ({@link bindPrototype}) or by the class resolver;
   * undefined for the values that stand for themselves (refs, bytes, multi,
   * records).
   */
  private boundClassOf(v: object): HostClassSlot | undefined {
    if (v instanceof LuaRef || v instanceof Uint8Array || v instanceof LuaMulti || v instanceof LuaRecords) return undefined;
    return this.objectClasses.get(v) ?? this.classByPrototype(v) ?? this.classResolver?.(v);
  }

  /**
   * {@link push} of `v` named `name + suffix` in errors, building that name
   * only when `v` needs it: a nested value (its parts are named after it)
   * or a function (named by it); a string's name is only in the error
   * raised when it is not bytes, so it is built for that error alone.
   */
  private pushNamed(L: LuaState, v: LuaInput, name: string, suffix: string | number): void {
    switch (typeof v) {
      case "undefined":
      case "boolean":
      case "number":
      case "bigint":
        this.push(L, v, name);
        return;
      case "string":
        try {
          this.bytes.push(L, v, name);
        } catch {
          this.bytes.push(L, v, typeof suffix === "number" ? `${name}[${suffix}]` : name + suffix); // throws, named
        }
        return;
      case "object": {
        if (v === null) break;
        if (v instanceof LuaRecords) {
          this.pushRecords(L, v, typeof suffix === "number" ? `${name}[${suffix}]` : name + suffix);
          return;
        }
        const cls = this.hostClassFor(v);
        if (cls !== undefined) this.pushObject(L, v, cls);
        else this.pushOther(L, v, typeof suffix === "number" ? `${name}[${suffix}]` : name + suffix);
        return;
      }
      default:
        break;
    }
    this.push(L, v, typeof suffix === "number" ? `${name}[${suffix}]` : name + suffix);
  }

  private pushTable(L: LuaState, v: object, name: string): void {
    const c = this.c;
    if (!c._lua_checkstack(L, 4)) throw new RangeError(`${name}: Lua stack overflow (nested too deep?)`);
    if (Array.isArray(v)) {
      const arr = v as readonly LuaInput[];
      const n = arr.length;
      c._lua_createtable(L, n, 0);
      // Host objects (a song's tracks, a device's parameters) share the object
      // cache, pushed once below the list's items when the first one comes.
      let cacheIdx = 0;
      for (let i = 0; i < n; i++) {
        const x = arr[i];
        // What hostClassFor gives, keeping the live entry for the push.
        let known: ObjectEntry | undefined;
        let cls: HostClassSlot | undefined;
        if (typeof x === "object" && x !== null) {
          known = this.liveEntry(x);
          cls = known !== undefined ? known.cls : this.boundClassOf(x);
        }
        if (cls === undefined) {
          this.pushNamed(L, x, name, i + 1);
          c._lua_rawseti(L, cacheIdx === 0 ? -2 : -3, int64(i + 1));
          continue;
        }
        if (cacheIdx === 0) {
          c._lua_rawgeti(L, REGISTRY, this.objCacheKey);
          cacheIdx = c._lua_gettop(L);
        }
        this.pushCachedObject(L, x as object, cls, known, cacheIdx);
        c._lua_rawseti(L, -3, int64(i + 1));
      }
      if (cacheIdx !== 0) c._lua_settop(L, -2);
      return;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const ctor = (v as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new TypeError(
        `${name}: cannot pass a ${ctor} to Lua; wrap it with vm.wrap(obj, hostClass) to expose it as userdata`,
      );
    }
    const record = v as Record<string, LuaInput>;
    const keys = Object.keys(record);
    c._lua_createtable(L, 0, keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const val = record[k];
      if (val === undefined) continue;
      // A number or boolean cannot fail to push: no name made for its error message.
      const named = typeof val === "number" || typeof val === "boolean" ? name : `${name}.${k}`;
      const p = this.fieldName(k);
      if (p !== 0) {
        // The key as a C string kept in the heap: one crossing (Lua finds the string by its address).
        this.push(L, val, named);
        (c as WithGetField)._lua_setfield(L, -2, p);
      } else {
        this.bytes.push(L, k, name);
        this.push(L, val, named);
        c._lua_rawset(L, -3);
      }
    }
  }

  /**
   * A plain object's key as a C string in the heap (see {@link cstring}), or
   * 0 when it has to cross as bytes: empty, holding NUL or a char above
   * 0xFF (a bad key fails in `bytes.push` as before), or once
   * FIELD_NAMES_MAX names are kept (keys made from data).
   */
  private fieldName(k: string): number {
    const p = this.cstrings.get(k);
    if (p !== undefined) return p;
    if (this.cstrings.size >= FIELD_NAMES_MAX || k.length === 0) return 0;
    for (let i = 0; i < k.length; i++) {
      const b = k.charCodeAt(i);
      if (b === 0 || b > 0xff) return 0;
    }
    return this.cstring(k);
  }

  /**
   * Converts the value at `idx` to JS (see {@link LuaValue}). Reference
   * types become a {@link LuaRef}; `borrowed` ones are released when the
   * running host function returns.
   */
  toJs(L: LuaState, idx: number, borrowed = false): LuaValue {
    const c = this.c;
    switch (c._lua_type(L, idx)) {
      case T.NONE:
      case T.NIL:
        return undefined;
      case T.BOOLEAN:
        return c._lua_toboolean(L, idx) !== 0;
      case T.NUMBER:
        return c._lua_isinteger(L, idx) ? Number(c._lua_tointegerx(L, idx, 0)) : c._lua_tonumberx(L, idx, 0);
      case T.STRING:
        return this.bytes.read(L, idx);
      case T.USERDATA: {
        const obj = this.userdataOrAliasEntryAt(L, idx)?.obj;
        return obj ?? this.makeRef(L, idx, "userdata", borrowed);
      }
      case T.TABLE:
        return this.makeRef(L, idx, "table", borrowed);
      case T.FUNCTION:
        return this.makeRef(L, idx, "function", borrowed);
      case T.THREAD:
        return this.makeRef(L, idx, "thread", borrowed);
      default:
        return this.makeRef(L, idx, "lightuserdata", borrowed);
    }
  }

  private makeRef(L: LuaState, idx: number, type: LuaRefType, borrowed: boolean): LuaRef {
    this.c._lua_pushvalue(L, idx);
    const ref = new LuaRef(this, this.c._luaL_ref(L, REGISTRY), type);
    const depth = this.frames.length;
    if (borrowed && depth > 0) {
      ref.borrowed = true;
      (this.frames[depth - 1] ??= []).push(ref);
    }
    return ref;
  }

  /** Creates a ref to the value at `idx` owned by the caller. */
  refAt(L: LuaState, idx: number): LuaRef {
    const v = this.toJs(L, idx, false);
    if (v instanceof LuaRef) return v;
    throw new TypeError(`refAt: value at ${idx} is a ${this.typeName(L, idx)}, not a reference type`);
  }

  /** Frees a registry slot (see {@link LuaRef.release}). */
  unref(ref: number): void {
    if (this.closedReason !== undefined) return;
    this.c._luaL_unref(this.current, REGISTRY, ref);
  }

  /** Lua type name of the value at `idx`. */
  typeName(L: LuaState, idx: number): string {
    const names = ["nil", "boolean", "lightuserdata", "number", "string", "table", "function", "userdata", "thread"];
    return names[this.c._lua_type(L, idx)] ?? "no value";
  }

  /** Pushes the globals table. */
  pushGlobals(L: LuaState): void {
    this.c._lua_rawgeti(L, REGISTRY, RIDX_GLOBALS);
  }

  // ------------------------------------------------------ host functions

  /**
   * Pushes a Lua closure that calls `fn`. `name` appears in error messages;
   * errors thrown by `fn` are raised in Lua prefixed with the position of
   * the Lua code `whereLevel` levels up (1: the caller).
   */
  pushFunction(L: LuaState, fn: HostFunction, name: string, whereLevel = 1): void {
    this.pushEntry(L, new FnEntry(fn, name, whereLevel, false));
  }

  /** Pushes a closure calling a {@link RawHostFunction}. */
  pushRawFunction(L: LuaState, fn: RawHostFunction, name: string, whereLevel = 1): void {
    this.pushEntry(L, new FnEntry(fn, name, whereLevel, true));
  }

  private pushEntry(L: LuaState, entry: FnEntry): void {
    const c = this.c;
    const id = this.nextFnId++;
    const p = c._lua_newuserdatauv(L, 8, 0);
    c.HEAP32[p >> 2] = FN_MAGIC;
    c.HEAP32[(p >> 2) + 1] = id;
    c._lua_rawgeti(L, REGISTRY, this.fnMetaKey);
    c._lua_setmetatable(L, -2);
    this.funcs.set(id, entry);
    c._lua_pushcclosure(L, this.trampoline, 1);
  }

  /**
   * Host class metatables of the VM template this bridge's state was
   * restored from, by type name (see objects.ts `TemplateClass`).
   *
   * @internal set by `LuaVm`.
   */
  templateClasses: ReadonlyMap<string, TemplateClass> | undefined;
  /** Type names of {@link templateClasses} taken by a class of this VM. */
  private claimedClasses: Set<string> | undefined;

  /**
   * The template's metatable for a class named `typeName` of shape `shape`,
   * if the template has one and no class of this VM took it yet (two
   * classes of one VM never share a metatable); undefined otherwise.
   *
   * @internal for objects.ts.
   */
  claimTemplateClass(typeName: string, shape: string): TemplateClass | undefined {
    const t = this.templateClasses?.get(typeName);
    if (t === undefined || t.shape !== shape || this.claimedClasses?.has(typeName)) return undefined;
    (this.claimedClasses ??= new Set()).add(typeName);
    return t;
  }

  /**
   * Points host function `id` (alive since the template this VM was
   * restored from) at `fn`; its name and error level stay.
   *
   * @internal for `LuaVm.templateResults`.
   */
  rebindFunction(id: number, fn: HostFunction | RawHostFunction, raw = false): void {
    const entry = this.funcs.get(id);
    if (entry === undefined || entry.raw !== raw) throw new Error(`rebindFunction: no ${raw ? "raw " : ""}host function ${id}`);
    this.funcs.set(id, entry.withFn(fn));
  }

  /**
   * Builds a table of host functions named `prefix + key` (for error
   * messages) raising errors at `whereLevel`; returns a ref owned by the caller.
   */
  namedFunctions(
    fns: Record<string, HostFunction | RawHostFunction>,
    prefix: string,
    whereLevel: number,
    raw = false,
  ): LuaRef {
    const c = this.c;
    const L = this.current;
    const entries = Object.entries(fns);
    c._lua_createtable(L, 0, entries.length);
    for (const [name, fn] of entries) {
      this.bytes.push(L, name, prefix);
      this.pushEntry(L, new FnEntry(fn, prefix + name, whereLevel, raw));
      c._lua_rawset(L, -3);
    }
    const ref = this.refAt(L, -1);
    c._lua_settop(L, -2);
    return ref;
  }

  /**
   * `"file:line"` of the Lua code that called the host function running now
   * (the innermost one), or undefined when no host function is running or
   * the caller has no line (a C function). For reports such as the GUI-freeze one.
   */
  callerWhere(): string | undefined {
    const L = this.states[this.states.length - 1];
    if (L === undefined) return undefined;
    this.c._luaL_where(L, 1);
    const where = this.bytes.read(L, -1) ?? "";
    this.c._lua_settop(L, -2);
    return where === "" ? undefined : where.replace(/: $/, "");
  }

  /** Number of live host closures (for leak checks). */
  get hostFunctionCount(): number {
    return this.funcs.size;
  }

  private dispatch(L: LuaState): number {
    const c = this.c;
    const p = c._lua_touserdata(L, upvalueIndex(1));
    // Its upvalue must still be a host function's block (debug.setupvalue can put any value there).
    const entry = c.HEAP32[p >> 2] === FN_MAGIC ? this.funcs.get(c.HEAP32[(p >> 2) + 1]!) : undefined;
    if (!entry) {
      this.bytes.push(L, "host function was released");
      return c._lua_error(L);
    }
    this.frames.push(undefined);
    this.states.push(L);
    let nret = 0;
    let failure: unknown = NO_FAILURE;
    try {
      if (entry.raw) {
        nret = (entry.fn as RawHostFunction)(L, this);
      } else {
        const n = c._lua_gettop(L);
        const args: LuaValue[] = new Array<LuaValue>(n);
        for (let i = 0; i < n; i++) args[i] = this.toJs(L, i + 1, true);
        nret = this.returnResult(L, (entry.fn as HostFunction)(...args), entry.name);
      }
    } catch (e) {
      if (e === Infinity) {
        // A Lua error (longjmp) raised inside: let it unwind to its pcall.
        this.endFrame();
        throw e;
      }
      failure = e;
    }
    this.endFrame();
    if (failure === NO_FAILURE) return nret;
    this.cacheCheck?.(); // a failing call may have changed what Lua keeps before it raised
    c._lua_settop(L, 0);
    this.pushFailure(L, failure, entry.whereLevel);
    return c._lua_error(L);
  }

  private endFrame(): void {
    const frame = this.frames.pop();
    this.states.pop();
    if (frame) for (const ref of frame) if (ref.borrowed) ref.release();
  }

  /**
   * Ends a {@link RawHostFunction} as a host function returning `r` ends
   * (see {@link HostFunction}): runs the value-cache check, pushes `r`
   * (named `name` in errors) and returns the count of values pushed.
   */
  returnResult(L: LuaState, r: HostResult, name: string): number {
    this.cacheCheck?.();
    return this.pushResult(L, r, name);
  }

  private pushResult(L: LuaState, r: HostResult, name: string): number {
    if (r === undefined) return 0;
    if (r instanceof LuaMulti) {
      const n = r.values.length;
      if (!this.c._lua_checkstack(L, n + 4)) throw new RangeError(`${name}: too many results`);
      for (let i = 0; i < n; i++) this.push(L, r.values[i], `${name} result #${i + 1}`);
      return n;
    }
    this.pushNamed(L, r, name, " result");
    return 1;
  }

  /** Pushes the Lua error value for a JS exception thrown by a host function. */
  private pushFailure(L: LuaState, e: unknown, whereLevel: number): void {
    let value: LuaInput;
    let withPosition = true;
    if (e instanceof LuaRaise) {
      value = e.value;
      withPosition = e.withPosition;
    } else if (e instanceof LuaError) {
      // A Lua error that crossed a host function: re-raise it unchanged.
      value = e.luaMessage;
      withPosition = false;
    } else if (e instanceof Error) {
      value = text(e.message);
    } else {
      value = text(String(e));
    }
    if (typeof value === "string") {
      let msg = value;
      if (withPosition) {
        this.c._luaL_where(L, whereLevel);
        msg = (this.bytes.read(L, -1) ?? "") + value;
        this.c._lua_settop(L, -2);
      }
      this.lastJsError = { msg, error: e };
      this.bytes.push(L, msg);
    } else {
      try {
        this.push(L, value);
      } catch {
        this.bytes.push(L, "invalid error value");
      }
    }
  }

  private collect(L: LuaState): number {
    const c = this.c;
    const p = c._lua_touserdata(L, 1);
    if (!p) return 0;
    const magic = c.HEAP32[p >> 2];
    const id = c.HEAP32[(p >> 2) + 1]!;
    if (magic === FN_MAGIC) {
      this.funcs.delete(id);
    } else if (magic === OBJ_MAGIC) {
      const entry = this.slots[id];
      if (entry === undefined) return 0;
      // A finalizer of Lua's could keep this userdata reachable: it must no longer name the id.
      c.HEAP32[p >> 2] = 0;
      c.HEAP32[(p >> 2) + 1] = 0;
      this.slots[id] = undefined;
      this.freeIds.push(id);
      this.liveObjects--;
      // A tagged object's id needs no clearing: liveEntry checks the slot's object.
      if (!entry.tagged && this.objectIds.get(entry.obj) === entry) this.objectIds.delete(entry.obj);
    }
    return 0;
  }

  // --------------------------------------------------------- host objects

  /** Declares that `obj` is exposed to Lua as an instance of `cls`. */
  /**
   * Called at every entry into Lua and after every host function returns:
   * the moments Lua could next see a changed value, so a binding that lets
   * Lua keep values (HostClassSpec.cached) flushes them here if needed.
   */
  cacheCheck: (() => void) | undefined;
  private valueCacheKey = 0n;

  /** The `{ [1] = cache }` table of values Lua may keep (created on first use). */
  valueCacheHolder(): LuaRef {
    const L = this.current;
    this.pushValueCacheHolder(L);
    const ref = this.refAt(L, -1);
    this.c._lua_settop(L, -2);
    return ref;
  }

  /**
   * Pushes the `{ [1] = cache }` table of {@link valueCacheHolder} (created on
   * first use). `holder[1]` is a new table after each {@link flushValueCache}:
   * Lua code holding the holder can tell whether a value it read through a
   * cached property may have changed since (same `holder[1]`: it has not).
   */
  pushValueCacheHolder(L: LuaState): void {
    const c = this.c;
    if (this.valueCacheKey === 0n) {
      c._lua_createtable(L, 1, 0);
      c._lua_createtable(L, 0, 0);
      c._lua_rawseti(L, -2, 1n);
      this.valueCacheKey = BigInt(c._luaL_ref(L, REGISTRY));
    }
    c._lua_rawgeti(L, REGISTRY, this.valueCacheKey);
  }

  /** Empties the cache of kept values (a fresh table; no Lua code runs). */
  flushValueCache(): void {
    if (this.valueCacheKey === 0n || this.closedReason !== undefined) return;
    const c = this.c;
    const L = this.current;
    c._lua_rawgeti(L, REGISTRY, this.valueCacheKey);
    c._lua_createtable(L, 0, 0);
    c._lua_rawseti(L, -2, 1n);
    c._lua_settop(L, -2);
  }

  /**
   * Gives the host class of objects not bound with {@link bindObject} (a whole
   * family of classes bound at once, e.g. a model's classes); undefined: none.
   */
  classResolver: ((obj: object) => HostClassSlot | undefined) | undefined;

  bindObject(obj: object, cls: HostClassSlot): void {
    this.objectClasses.set(obj, cls);
  }

  /**
   * Declares every object whose prototype is `proto` (the instances of one
   * JS class, not of its subclasses) an instance of `cls`, as if each was
   * bound with {@link bindObject}: for objects made often and handed to Lua
   * once (an OSC message from `from_binary_data`), where a binding per object
   * (a weak map entry) costs more than the object.
   */
  bindPrototype(proto: object, cls: HostClassSlot): void {
    this.prototypeClasses.set(proto, cls);
  }

  private classByPrototype(v: object): HostClassSlot | undefined {
    return this.prototypeClasses.size === 0 ? undefined : this.prototypeClasses.get(Object.getPrototypeOf(v) as object);
  }

  /**
   * Identity of two host values as Lua's `==` on API objects sees it: the
   * same JS object, or two objects of one class whose `equals` says so.
   */
  sameObject(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    const cls = this.classOf(a);
    return cls?.equals !== undefined && cls === this.classOf(b) && cls.equals(a as object, b as object);
  }

  /** The host class `obj` was bound to, if any (the class of its live userdata first). */
  classOf(obj: unknown): HostClassSlot | undefined {
    return typeof obj === "object" && obj !== null ? this.hostClassFor(obj) : undefined;
  }

  /** The host object behind the userdata at `idx`, if it is one. */
  objectAt(L: LuaState, idx: number): object | undefined {
    return this.c._lua_type(L, idx) === T.USERDATA ? this.userdataOrAliasEntryAt(L, idx)?.obj : undefined;
  }

  /**
   * The object and class of the full userdata at `idx` (the caller checked
   * `lua_type`, as every property of every object does) if it stands for a
   * host object: the class its metatable was made from. A host object's
   * block holds the magic word and the id of an entry that recorded this
   * very address: no other block can match both (and no `lua_rawlen`, whose
   * 64-bit result costs a bigint per call). An alias (see {@link pushAlias};
   * a callback's socket is one) holds its own magic word and its target's
   * address, which must pass the same test; the alias keeps its target
   * alive as its user value, and a finalized target has lost its magic
   * word. One crossing either way; a host object's block is tested first.
   */
  userdataOrAliasEntryAt(L: LuaState, idx: number): { readonly obj: object; readonly cls: HostClassSlot } | undefined {
    const p = this.c._lua_touserdata(L, idx);
    const heap = this.c.HEAP32;
    const w = p >> 2;
    const magic = heap[w];
    if (magic === OBJ_MAGIC) {
      const entry = this.slots[heap[w + 1]!];
      return entry !== undefined && entry.addr === p ? entry : undefined;
    }
    if (magic !== ALIAS_MAGIC) return undefined;
    const target = heap[w + 1]!;
    if (heap[target >> 2] !== OBJ_MAGIC) return undefined;
    const entry = this.slots[heap[(target >> 2) + 1]!];
    return entry !== undefined && entry.addr === target ? entry : undefined;
  }

  /**
   * The items 1..#t of the table `t` and, for each item that is a table, its
   * fields `keys`, read with raw reads: for a table without a metatable
   * whose table items have none either, where Lua's own reads (`#t`, `t[i]`,
   * `item.key`) give the same. Undefined when `t` or an item has a
   * metatable (the caller reads through Lua then). Values as {@link toJs}
   * gives them; refs belong to the caller.
   */
  plainItems(t: LuaRef, keys: readonly string[]): { table: boolean; values: LuaValue[] }[] | undefined {
    this.ensureOpen();
    t.check(this);
    const c = this.c as WithGetField;
    const L = this.current;
    if (!c._lua_checkstack(L, 4)) return undefined;
    const top = c._lua_gettop(L);
    const out: { table: boolean; values: LuaValue[] }[] = [];
    let plain = true;
    try {
      c._lua_rawgeti(L, REGISTRY, t.key);
      const at = top + 1;
      if (c._lua_type(L, at) !== T.TABLE || c._lua_getmetatable(L, at) !== 0) return (plain = false), undefined;
      const n = Number(c._lua_rawlen(L, at));
      for (let i = 1; i <= n; i++) {
        if (c._lua_rawgeti(L, at, int64(i)) === T.TABLE) {
          if (c._lua_getmetatable(L, -1) !== 0) return (plain = false), undefined;
          const values: LuaValue[] = [];
          for (const k of keys) {
            c._lua_getfield(L, -1, this.cstring(k));
            values.push(this.toJs(L, -1, false));
            c._lua_settop(L, -2);
          }
          out.push({ table: true, values });
        } else {
          out.push({ table: false, values: [this.toJs(L, -1, false)] });
        }
        c._lua_settop(L, at);
      }
      return out;
    } finally {
      c._lua_settop(L, top);
      if (!plain) for (const o of out) for (const v of o.values) if (v instanceof LuaRef) v.release();
    }
  }

  /** The entry of `obj`'s userdata, if it has one that may still be alive. */
  private liveEntry(obj: object): ObjectEntry | undefined {
    const known = this.objectIds.get(obj);
    if (known !== undefined) return known;
    const id = (obj as Tagged)[this.tag];
    if (id === undefined) return undefined;
    const entry = this.slots[id];
    return entry?.obj === obj ? entry : undefined;
  }

  /**
   * {@link liveEntry} for an object usually pushed tagged (the object an
   * alias stands for): its tag is read first, then the map.
   */
  private taggedEntry(obj: object): ObjectEntry | undefined {
    const id = (obj as Tagged)[this.tag];
    if (id !== undefined) {
      const entry = this.slots[id];
      if (entry?.obj === obj) return entry;
    }
    return this.objectIds.get(obj);
  }

  /**
   * Pushes the (interned) userdata of a host object: the one it has while
   * that lives, else a new one of class `cls`. Unlike {@link bindObject},
   * the class is recorded only while the userdata lives: for objects made
   * for one call into Lua (the socket of a callback).
   */
  pushObject(L: LuaState, obj: object, cls: HostClassSlot, tagged = false): void {
    const c = this.c;
    const known = this.liveEntry(obj);
    if (known !== undefined) {
      c._lua_rawgeti(L, REGISTRY, this.objCacheKey);
      if (c._lua_rawgeti(L, -1, this.slotKeys[known.id]!) !== T.NIL) {
        c._lua_rotate(L, -2, 1);
        c._lua_settop(L, -2);
        return;
      }
      c._lua_settop(L, -3);
    }
    const id = this.newUserdata(L, obj, cls, tagged);
    c._lua_rawgeti(L, REGISTRY, cls.mtKey);
    c._lua_setmetatable(L, -2);
    c._lua_rawgeti(L, REGISTRY, this.objCacheKey);
    c._lua_pushvalue(L, -2);
    c._lua_rawseti(L, -2, this.slotKeys[id]!);
    c._lua_settop(L, -2);
  }

  /**
   * Pushes an alias of `obj`: a userdata of its own (a distinct Lua value,
   * so a distinct table key, as a fresh wrapper per callback is) that
   * stands for `obj` in every other way — its class's methods, properties,
   * `==`, `tostring` and `type()` see `obj`, and a host function given it
   * gets `obj`. It keeps `obj`'s interned userdata (see {@link pushObject})
   * alive as its user value and has no finalizer, so an alias costs Lua a
   * small allocation and the host nothing: no entry, no cache slot, no
   * `__gc` call when Lua drops it.
   */
  pushAlias(L: LuaState, obj: object, cls: HostClassSlot): void {
    const c = this.c;
    c._lua_rawgeti(L, REGISTRY, this.objCacheKey); // cache
    this.pushAliasWithCache(L, obj, cls, c._lua_gettop(L)); // cache, a
    c._lua_rotate(L, -2, 1);
    c._lua_settop(L, -2); // a
  }

  /** {@link pushAlias} with the object cache already on the stack at the absolute index `cacheIdx`. */
  private pushAliasWithCache(L: LuaState, obj: object, cls: HostClassSlot, cacheIdx: number): void {
    const c = this.c;
    const mt = this.aliasMetatable(L, cls);
    const p = c._lua_newuserdatauv(L, 8, 1); // a
    c._lua_rawgeti(L, REGISTRY, mt.key);
    c._lua_setmetatable(L, -2);
    const target = this.pushCachedObject(L, obj, cls, this.taggedEntry(obj), cacheIdx, true); // a, u
    const heap = c.HEAP32;
    heap[p >> 2] = ALIAS_MAGIC;
    heap[(p >> 2) + 1] = target;
    c._lua_setiuservalue(L, -2, 1); // a
  }

  /** `cls`'s alias metatable (see {@link makeAliasMetatable}), the last class's at hand. */
  private aliasMetatable(L: LuaState, cls: HostClassSlot): RegistrySlot {
    if (cls !== this.lastAliasClass) {
      this.lastAliasMt = this.aliasMts.get(cls) ?? this.makeAliasMetatable(L, cls);
      this.lastAliasClass = cls;
    }
    return this.lastAliasMt;
  }

  /** A copy of `cls`'s metatable without `__gc`, kept in the registry: what aliases of the class use. */
  private makeAliasMetatable(L: LuaState, cls: HostClassSlot): RegistrySlot {
    const c = this.c;
    if (!c._lua_checkstack(L, 6)) throw new RangeError("pushAlias: Lua stack overflow");
    c._lua_createtable(L, 0, 16); // a
    c._lua_rawgeti(L, REGISTRY, cls.mtKey); // a, mt
    c._lua_pushnil(L); // a, mt, nil
    while (c._lua_next(L, -2) !== 0) {
      // a, mt, k, v
      if (c._lua_type(L, -2) === T.STRING && this.bytes.read(L, -2) === "__gc") {
        c._lua_settop(L, -2);
        continue;
      }
      c._lua_pushvalue(L, -2); // a, mt, k, v, k
      c._lua_rotate(L, -2, 1); // a, mt, k, k, v
      c._lua_rawset(L, -5); // a, mt, k
    }
    c._lua_settop(L, -2); // a
    const ref = c._luaL_ref(L, REGISTRY);
    const slot = { ref, key: BigInt(ref) };
    this.aliasMts.set(cls, slot);
    return slot;
  }

  /**
   * {@link pushObject} with the object cache already on the stack
   * at the absolute index `cacheIdx`, `known` being `obj`'s {@link liveEntry}:
   * one crossing for an object whose userdata lives. Returns the address of
   * the userdata's block.
   */
  private pushCachedObject(
    L: LuaState,
    obj: object,
    cls: HostClassSlot,
    known: ObjectEntry | undefined,
    cacheIdx: number,
    tagged = false,
  ): number {
    const c = this.c;
    if (known !== undefined) {
      if (c._lua_rawgeti(L, cacheIdx, this.slotKeys[known.id]!) !== T.NIL) return known.addr;
      c._lua_settop(L, -2);
    }
    const id = this.newUserdata(L, obj, cls, tagged);
    c._lua_rawgeti(L, REGISTRY, cls.mtKey);
    c._lua_setmetatable(L, -2);
    c._lua_pushvalue(L, -1);
    c._lua_rawseti(L, cacheIdx, this.slotKeys[id]!);
    return this.slots[id]!.addr;
  }

  /**
   * Pushes a new userdata (no metatable yet) standing for `obj` of class
   * `cls` under a free id, and records the entry: in a property of `obj`
   * when `tagged` and the object can take one, else in `objectIds`.
   * Returns the id.
   */
  private newUserdata(L: LuaState, obj: object, cls: HostClassSlot, tagged: boolean): number {
    const c = this.c;
    let id = this.freeIds.pop();
    if (id === undefined) {
      id = this.slots.length;
      this.slots.push(undefined);
      this.slotKeys.push(BigInt(id));
    }
    // Only objects that can take a property are tagged; a frozen one goes to the map.
    const tag = tagged && Object.isExtensible(obj);
    const p = c._lua_newuserdatauv(L, 8, 0);
    const entry = new ObjectEntry(obj, cls, id, tag, p);
    c.HEAP32[p >> 2] = OBJ_MAGIC;
    c.HEAP32[(p >> 2) + 1] = id;
    this.slots[id] = entry;
    this.liveObjects++;
    if (tag) (obj as Tagged)[this.tag] = id;
    else this.objectIds.set(obj, entry);
    return id;
  }

  /**
   * Pushes a new sequence table holding the (interned) userdata of `objs`,
   * all of class `cls`: what pushing the array does, in about half the work
   * per object (the cache and metatable are looked up once). For host
   * functions handing Lua many objects at once (a pattern track's lines).
   */
  pushObjectList(L: LuaState, objs: readonly object[], cls: HostClassSlot): void {
    const c = this.c;
    const n = objs.length;
    if (!c._lua_checkstack(L, 6)) throw new RangeError("pushObjectList: Lua stack overflow");
    c._lua_createtable(L, n, 0);
    c._lua_rawgeti(L, REGISTRY, this.objCacheKey);
    c._lua_rawgeti(L, REGISTRY, cls.mtKey);
    // Stack: list, cache, metatable.
    for (let i = 0; i < n; i++) {
      const obj = objs[i]!;
      const known = this.liveEntry(obj);
      if (known !== undefined) {
        if (c._lua_rawgeti(L, -2, this.slotKeys[known.id]!) !== T.NIL) {
          c._lua_rawseti(L, -4, int64(i + 1));
          continue;
        }
        c._lua_settop(L, -2);
      }
      const id = this.newUserdata(L, obj, cls, false);
      c._lua_pushvalue(L, -2);
      c._lua_setmetatable(L, -2);
      c._lua_pushvalue(L, -1);
      c._lua_rawseti(L, -4, this.slotKeys[id]!); // cache[id] = userdata
      c._lua_rawseti(L, -4, int64(i + 1)); // list[i + 1] = userdata
    }
    c._lua_settop(L, -3);
  }

  /** Number of host objects that currently have a live userdata (for leak checks). */
  get liveObjectCount(): number {
    return this.liveObjects;
  }

  /** Pushes the C function that frees host userdata; used as `__gc` of class metatables. */
  pushGcFunction(L: LuaState): void {
    this.c._lua_pushcclosure(L, this.gcFn, 0);
  }

  // ------------------------------------------------------------- calling

  /**
   * Loads a chunk (text only; with `compiled`, the bytecode `string.dump`
   * made of a chunk this process compiled before: see compile-cache.ts). On
   * success pushes the function and returns undefined; on a syntax error
   * pushes nothing and returns the message.
   */
  load(L: LuaState, source: ByteString | Uint8Array | EditedChunk, chunkname: ByteString, compiled = false): ByteString | undefined {
    this.ensureOpen();
    const c = this.c;
    // The chunk in a buffer of its own, not the scratch buffer: the parser reads it while it allocates, and an
    // allocation may run finalizers whose host calls write (or move) the scratch buffer.
    const src = this.bytes.writeOwn(source, "load");
    const namePtr = c._malloc(chunkname.length + 1);
    try {
      for (let i = 0; i < chunkname.length; i++) c.HEAPU8[namePtr + i] = chunkname.charCodeAt(i) & 0xff;
      c.HEAPU8[namePtr + chunkname.length] = 0;
      const status = c._luaL_loadbufferx(L, src, source.length, namePtr, compiled ? this.modeText + 2 : this.modeText);
      if (status === STATUS.OK) return undefined;
      const msg = this.bytes.read(L, -1) ?? "syntax error";
      c._lua_settop(L, -2);
      return msg;
    } finally {
      c._free(namePtr);
      c._free(src);
    }
  }

  /**
   * Loads and runs a chunk with `args`; returns its results. `compiled`: the
   * chunk is bytecode (see {@link load}).
   */
  run(source: ByteString | Uint8Array | EditedChunk, chunkname: ByteString, args: readonly LuaInput[] = [], compiled = false): LuaValue[] {
    const L = this.current;
    const err = this.load(L, source, chunkname, compiled);
    if (err !== undefined) throw new LuaSyntaxError(err, "");
    this.pushArgs(L, args);
    return this.pcall(L, args.length);
  }

  /** Calls a referenced function with arguments. */
  callRef(fn: LuaRef, args: readonly LuaInput[]): LuaValue[] {
    this.ensureOpen();
    fn.check(this);
    const L = this.current;
    if (!this.c._lua_checkstack(L, args.length + 4)) throw new RangeError("Lua call: too many arguments");
    this.c._lua_rawgeti(L, REGISTRY, fn.key);
    this.pushArgs(L, args);
    return this.pcall(L, args.length);
  }

  /**
   * {@link callRef} for a caller that wants no results: none are converted
   * (nor refs made for them). Objects among `args` (other than refs, bytes
   * and arrays) become userdata of `objectClass` (see {@link pushObject}).
   */
  callRefVoid(fn: LuaRef, args: ArrayLike<LuaInput>, objectClass?: HostClassSlot, aliasOf?: AliasOf): void {
    this.ensureOpen();
    fn.check(this);
    const L = this.current;
    if (!this.c._lua_checkstack(L, args.length + 4)) throw new RangeError("Lua call: too many arguments");
    this.c._lua_rawgeti(L, REGISTRY, fn.key);
    this.pushArgs(L, args, objectClass, aliasOf);
    this.c._lua_settop(L, this.protectedCall(L, args.length, 0) - 1);
  }

  /** A NUL-terminated copy of `name` in the module heap, made once per name (for `lua_getfield`). */
  private cstring(name: string): number {
    if (name === this.lastCName) return this.lastCString;
    let p = this.cstrings.get(name);
    if (p === undefined) {
      p = this.c._malloc(name.length + 1);
      for (let i = 0; i < name.length; i++) this.c.HEAPU8[p + i] = name.charCodeAt(i) & 0xff;
      this.c.HEAPU8[p + name.length] = 0;
      this.cstrings.set(name, p);
    }
    this.lastCName = name;
    this.lastCString = p;
    return p;
  }

  /**
   * The Lua type (a `T` tag) of `t[name]` for a referenced table that has
   * no metatable, read raw (no Lua code runs, so nothing can fail); -1 if the
   * table has a metatable, whose `__index` only a protected call may run
   * ({@link LuaRef.get}). `name` is a field name without NUL bytes.
   */
  rawFieldType(t: LuaRef, name: string): number {
    this.ensureOpen();
    t.check(this);
    const c = this.c;
    const L = this.current;
    if (!c._lua_checkstack(L, 3)) throw new RangeError("Lua: stack overflow");
    c._lua_rawgeti(L, REGISTRY, t.key);
    if (c._lua_getmetatable(L, -1) !== 0) {
      c._lua_settop(L, -3);
      return -1;
    }
    const type = (c as WithGetField)._lua_getfield(L, -1, this.cstring(name));
    c._lua_settop(L, -3);
    return type;
  }

  /**
   * The callback hot path: calls `t[name](...args)` in protected mode,
   * with `t` itself first when `withSelf` (`t:name(...)`), and drops the
   * results. The field is read raw: for a table without a metatable only
   * (see {@link rawFieldType}), which is what makes one lookup per call
   * enough. Objects among `args` (other than refs, bytes and arrays) become
   * userdata of `objectClass` (see {@link pushObject}). A Lua error is
   * thrown as a `LuaError`, as from {@link callRef}.
   */
  callField(
    t: LuaRef,
    name: string,
    withSelf: boolean,
    args: ArrayLike<LuaInput>,
    objectClass?: HostClassSlot,
    aliasOf?: AliasOf,
  ): void {
    this.ensureOpen();
    t.check(this);
    const c = this.c;
    const L = this.current;
    const n = args.length;
    if (!c._lua_checkstack(L, n + 5)) throw new RangeError("Lua call: too many arguments");
    c._lua_rawgeti(L, REGISTRY, t.key);
    (c as WithGetField)._lua_getfield(L, -1, this.cstring(name));
    c._lua_rotate(L, -2, 1); // f, t
    if (!withSelf) c._lua_settop(L, -2); // f
    if (withSelf) {
      try {
        this.pushArgs(L, args, objectClass, aliasOf);
      } catch (e) {
        c._lua_settop(L, -2); // the function went with the failed arguments; drop t
        throw e;
      }
    } else this.pushArgs(L, args, objectClass, aliasOf);
    c._lua_settop(L, this.protectedCall(L, n + (withSelf ? 1 : 0), 0) - 1);
  }

  /**
   * The first half of a callback call that crosses into the VM as few times
   * as it can (the socket_message hot path): looks `t[name]` up raw and,
   * if it is a function, leaves it on the stack of the current state ready
   * for {@link callStaged}, which must follow before any other Lua code runs
   * (a stage left over is dropped by the next one). Returns 1 if staged,
   * 0 if `t[name]` is not a function, -1 if `t` has a metatable (whose
   * `__index` only a protected lookup may run: see {@link LuaRef.get}), as
   * {@link rawFieldType} does. `name` is a field name without NUL bytes.
   *
   * The stage: the message handler, the object cache, `t`, `t[name]`.
   */
  stageField(t: LuaRef, name: string): number {
    this.ensureOpen();
    t.check(this);
    const c = this.c;
    const L = this.current;
    if (this.stagedL !== 0) this.dropStage();
    const shim = this.shim;
    if (shim !== undefined) {
      const r = shim.stage(L, this.msgh, this.objCacheRef, t.ref, this.cstring(name), this.knownRef);
      const code = r & 3;
      if (code === 1) {
        const base = r >> 4;
        this.stagedL = L;
        this.stagedBase = base;
        if ((r & 4) === 0) this.knowFunction(L, base + 4);
        else if (this.knownFnState === FN_STAGED_ONCE) this.readStagedFunction(L, base + 4);
        return 1;
      }
      if (code === 3) throw new RangeError("Lua call: stack overflow");
      return code === 2 ? -1 : 0;
    }
    const base = c._lua_gettop(L);
    if (!c._lua_checkstack(L, 10)) throw new RangeError("Lua call: stack overflow");
    c._lua_pushcclosure(L, this.msgh, 0);
    c._lua_rawgeti(L, REGISTRY, this.objCacheKey);
    c._lua_rawgeti(L, REGISTRY, t.key);
    if (c._lua_getmetatable(L, -1) !== 0) {
      c._lua_settop(L, base);
      return -1;
    }
    // No metatable: lua_getfield reads raw (no Lua code runs, nothing can fail).
    if ((c as WithGetField)._lua_getfield(L, -1, this.cstring(name)) === T.FUNCTION) {
      this.stagedL = L;
      this.stagedBase = base;
      return 1;
    }
    c._lua_settop(L, base);
    return 0;
  }

  /**
   * Makes the function at `idx` (a staged callback) the one the shim's stage
   * compares with (the `known` helper table's slot 1, a weak value: a function
   * the tool drops goes, and the slot with it), and sets {@link knownFnState}
   * to what is known of it. What is known of each function is kept in the `seen` helper table
   * (weak-keyed by function): 0 staged once, 1 never sees it, false may see
   * it. Runs no Lua code (see {@link readFirstArgumentUse}).
   */
  private knowFunction(L: LuaState, idx: number): void {
    const c = this.c;
    c._lua_rawgeti(L, REGISTRY, this.helperRefs.get("known")!);
    c._lua_pushvalue(L, idx);
    c._lua_rawseti(L, -2, 1n);
    c._lua_settop(L, -2);
    c._lua_rawgeti(L, REGISTRY, this.helperRefs.get("seen")!);
    c._lua_pushvalue(L, idx);
    const noted = c._lua_rawget(L, -2);
    const once = noted === T.NUMBER && c._lua_tonumberx(L, -1, 0) === 0;
    c._lua_settop(L, -3);
    if (noted === T.BOOLEAN) this.knownFnState = FN_SEES;
    else if (noted === T.NUMBER && !once) this.knownFnState = FN_NEVER_SEES;
    else if (once) this.readStagedFunction(L, idx);
    else {
      // Staged for the first time: read on its second staging (a tool that makes a new callback for every
      // message would pay a read per message for nothing).
      this.noteFunction(L, idx, 0);
      this.knownFnState = FN_STAGED_ONCE;
    }
  }

  /** Reads the known function at `idx` (staged for the second time) and notes what it says, here and in the `seen` table. */
  private readStagedFunction(L: LuaState, idx: number): void {
    const unseen = this.readFirstArgumentUse(L, idx);
    this.knownFnState = unseen ? FN_NEVER_SEES : FN_SEES;
    this.noteFunction(L, idx, unseen ? 1 : false);
  }

  /** `seen[f] = value` for the function `f` at `idx` (a number, or false). */
  private noteFunction(L: LuaState, idx: number, value: number | false): void {
    const c = this.c;
    c._lua_rawgeti(L, REGISTRY, this.helperRefs.get("seen")!);
    c._lua_pushvalue(L, idx);
    if (value === false) c._lua_pushboolean(L, 0);
    else c._lua_pushinteger(L, BigInt(value));
    c._lua_rawset(L, -3);
    c._lua_settop(L, -2);
  }

  /**
   * Whether the function at `idx` never sees its first argument, from its
   * stripped bytecode (param-use.ts), written by `lua_dump` straight to
   * {@link dumpWrite}: no Lua code runs and nothing is allocated in the Lua
   * heap, so no collection (and no finalizer) comes between the stage and
   * the call. A C function has no bytecode (counts as seeing).
   */
  private readFirstArgumentUse(L: LuaState, idx: number): boolean {
    const c = this.c;
    this.dumpLength = 0;
    this.dumping = true;
    c._lua_pushvalue(L, idx);
    const status = c._lua_dump(L, this.instance.fns.dumpWriter, 0, 1);
    c._lua_settop(L, -2);
    this.dumping = false;
    return status === 0 && firstArgumentUnseen(this.dumpBuffer.subarray(0, this.dumpLength));
  }

  /** The bytes of a dump in progress ({@link readFirstArgumentUse}): the first `dumpLength` of `dumpBuffer`. */
  private dumpBuffer = new Uint8Array(0);
  private dumpLength = 0;
  private dumping = false;

  /** `lua_dump`'s writer: appends `size` bytes at `p` to the dump in progress. */
  private dumpWrite(p: number, size: number): number {
    if (!this.dumping) return 1;
    const end = this.dumpLength + size;
    if (end > this.dumpBuffer.length) {
      const grown = new Uint8Array(Math.max(end, this.dumpBuffer.length * 2, 256));
      grown.set(this.dumpBuffer.subarray(0, this.dumpLength));
      this.dumpBuffer = grown;
    }
    this.dumpBuffer.set(this.c.HEAPU8.subarray(p, end - this.dumpLength + p), this.dumpLength);
    this.dumpLength = end;
    return 0;
  }

  /**
   * Drops a stage {@link callStaged} never used, if it is still on top of
   * the stack of the state running now (a state that is not current any
   * more, e.g. a coroutine, may be gone: its stage is forgotten, and a
   * host function returns only its results from the top anyway).
   */
  private dropStage(): void {
    const L = this.stagedL;
    this.stagedL = 0;
    if (L === this.current && this.c._lua_gettop(L) === this.stagedBase + 4) this.c._lua_settop(L, this.stagedBase);
  }

  /**
   * Calls the function {@link stageField} staged with two arguments, in
   * protected mode, dropping its results: `obj` as the userdata of class
   * `cls` (see {@link pushObject}; an alias of it when `alias`, see
   * {@link pushAlias}) and `data` as a string. The same call as
   * {@link callField} of `[alias ?? obj, data]`, in about half the
   * crossings into the VM: the handler and object cache are already on the
   * stack. A Lua error is thrown as a `LuaError`. With `nilIfUnseen`, a
   * function that never sees its first argument (see {@link knownFnState})
   * gets nil there.
   */
  callStaged(obj: object, cls: HostClassSlot, alias: boolean, data: ByteString, nilIfUnseen = false): void {
    this.ensureOpen();
    const c = this.c;
    const L = this.stagedL;
    const base = this.stagedBase;
    this.stagedL = 0;
    if (L === 0 || L !== this.current) throw new Error(NO_STAGE);
    let pushed: number;
    try {
      // A function that never sees its first argument gets nil there: no userdata is made for nothing.
      pushed = nilIfUnseen && this.knownFnState === FN_NEVER_SEES ? this.shim!.pushNil(L, base, this.bytes.write(data, ARG_NAMES[1]!), data.length) : this.pushStagedArgs(L, base, obj, cls, alias, data);
    } catch (e) {
      c._lua_settop(L, base);
      throw e;
    }
    // The shim checks the stage is still on the stack; without it, the check is made here.
    if (pushed === SHIM_NO_STAGE || (pushed !== 0 && c._lua_gettop(L) !== base + 4)) throw new Error(NO_STAGE);
    if (pushed !== 0) {
      try {
        if (alias) this.pushAliasWithCache(L, obj, cls, base + 2);
        else this.pushCachedObject(L, obj, cls, this.taggedEntry(obj), base + 2, true);
        this.bytes.push(L, data, ARG_NAMES[1]);
      } catch (e) {
        c._lua_settop(L, base);
        throw e;
      }
    }
    this.cacheCheck?.();
    this.runProtected(L, 2, 0, base + 1);
    c._lua_settop(L, base);
  }

  /**
   * {@link callStaged}'s two arguments pushed by the shim (see call-shim.ts)
   * in one crossing, the same calls the bridge makes otherwise: 0 when pushed,
   * SHIM_NO_STAGE when the stage is not on the stack (nothing pushed), else
   * (nothing pushed, the stage not checked) without a shim, for an object
   * without a live entry, or one whose userdata the cache no longer holds
   * (collected, its `__gc` not run yet).
   * The entry is looked up after the last code here that may run the
   * collector (whose finalizers may free its slot and give it to another
   * object), and the message written right before the shim copies it (a
   * finalizer's host call may write the scratch buffer).
   */
  private pushStagedArgs(L: LuaState, base: number, obj: object, cls: HostClassSlot, alias: boolean, data: ByteString): number {
    const shim = this.shim;
    if (shim === undefined) return SHIM_NOT_CACHED;
    const mt = alias ? this.aliasMetatable(L, cls).ref : 0;
    const known = this.taggedEntry(obj);
    if (known === undefined) return SHIM_NOT_CACHED;
    const ptr = this.bytes.write(data, ARG_NAMES[1]!);
    return alias
      ? shim.pushAlias(L, base, mt, known.id, ALIAS_MAGIC, known.addr, ptr, data.length)
      : shim.pushObject(L, base, known.id, ptr, data.length);
  }

  /** An object that stands for itself (not a ref, bytes, an array or multi): one {@link pushObject} can push. */
  private isHostObject(v: unknown): v is object {
    return (
      typeof v === "object" &&
      v !== null &&
      !(v instanceof LuaRef) &&
      !(v instanceof Uint8Array) &&
      !(v instanceof LuaMulti) &&
      !Array.isArray(v)
    );
  }

  /** @internal Calls one of the bridge's Lua helpers. */
  callHelper(name: HelperName, args: readonly LuaInput[]): LuaValue[] {
    this.ensureOpen();
    const L = this.current;
    if (!this.c._lua_checkstack(L, args.length + 4)) throw new RangeError("Lua call: too many arguments");
    this.c._lua_rawgeti(L, REGISTRY, this.helperRefs.get(name)!);
    this.pushArgs(L, args);
    return this.pcall(L, args.length);
  }

  /** Pushes call arguments; on failure drops them and the value below them (the function). */
  private pushArgs(L: LuaState, args: ArrayLike<LuaInput>, objectClass?: HostClassSlot, aliasOf?: AliasOf): void {
    const base = this.c._lua_gettop(L);
    try {
      for (let i = 0; i < args.length; i++) {
        const v = args[i];
        if (objectClass !== undefined && this.isHostObject(v)) {
          const target = aliasOf?.(v);
          if (target !== undefined) this.pushAlias(L, target, objectClass);
          else this.pushObject(L, v, objectClass, true);
        } else this.push(L, v, ARG_NAMES[i] ?? `argument #${i + 1}`);
      }
    } catch (e) {
      this.c._lua_settop(L, base - 1); // drop the function too
      throw e;
    }
  }

  /**
   * `lua_pcall` of the function below the top `nargs` values, with a message
   * handler recording the traceback. Returns all results converted to JS
   * (refs owned by the caller) or throws a {@link LuaError}.
   */
  pcall(L: LuaState, nargs: number): LuaValue[] {
    const c = this.c;
    const fnIdx = this.protectedCall(L, nargs, MULTRET);
    const n = c._lua_gettop(L) - fnIdx;
    const out = new Array<LuaValue>(n);
    for (let i = 0; i < n; i++) out[i] = this.toJs(L, fnIdx + 1 + i, false);
    c._lua_settop(L, fnIdx - 1);
    return out;
  }

  /**
   * `lua_pcall` of the function below the top `nargs` values with
   * `nresults`, under the message handler, which it leaves at the returned
   * index with the results above it (the caller drops them with
   * `lua_settop(L, index - 1)`). Throws a {@link LuaError} (stack restored).
   */
  private protectedCall(L: LuaState, nargs: number, nresults: number): number {
    const c = this.c;
    this.cacheCheck?.();
    const fnIdx = c._lua_gettop(L) - nargs;
    c._lua_pushcclosure(L, this.msgh, 0);
    c._lua_rotate(L, fnIdx, 1);
    this.runProtected(L, nargs, nresults, fnIdx);
    return fnIdx;
  }

  /**
   * `lua_pcall` of the function below the top `nargs` values with
   * `nresults`, the message handler being at `msgh` (below the function);
   * on an error, drops everything from `msgh` up and throws a
   * {@link LuaError}.
   */
  private runProtected(L: LuaState, nargs: number, nresults: number, msgh: number): void {
    const c = this.c;
    // A host function running while no entry runs was called by a finalizer (the only Lua code run then): its call
    // into Lua is part of that finalizer's run, on the budget outside entries (see countHook), not an entry.
    const inFinalizer = this.depth === 0 && this.states.length > 0;
    const topLevel = this.depth === 0 && !inFinalizer;
    if (topLevel) this.beginEntry();
    else if (inFinalizer) this.outsideNest++;
    this.depth++;
    this.errorSlots[this.depth] = undefined;
    let status: number;
    try {
      status = c._lua_pcallk(L, nargs, nresults, msgh, 0, 0);
    } catch (e) {
      this.depth--;
      if (inFinalizer) this.outsideNest--;
      this.breakDown(e);
    }
    this.depth--;
    if (inFinalizer) this.outsideNest--;
    if (status === STATUS.OK) {
      if (topLevel) {
        if (this.aborting) {
          // The limit hit in a `__gc` finalizer, whose error the collector's own protected call caught, and
          // no step came after it: the entry still ran over its limit.
          const err = new LuaInstructionLimitError(this.abortMessage, this.abortTraceback, this.executed);
          c._lua_settop(L, msgh - 1);
          this.endEntry();
          throw err;
        }
        this.endEntry();
      }
      return;
    }
    const err = this.errorFor(L, status, this.errorSlots[this.depth + 1]);
    c._lua_settop(L, msgh - 1);
    if (topLevel) this.endEntry();
    throw err;
  }

  private errorFor(L: LuaState, status: number, slot: { msg: ByteString; tb: string } | undefined): LuaError {
    if (this.aborting) {
      return new LuaInstructionLimitError(this.abortMessage, this.abortTraceback || (slot?.tb ?? ""), this.executed);
    }
    let msg = slot?.msg;
    if (msg === undefined) {
      msg = this.c._lua_type(L, -1) === T.STRING ? (this.bytes.read(L, -1) ?? "") : "";
      if (!msg) msg = status === STATUS.ERRMEM ? "not enough memory" : "unknown Lua error";
    }
    const js = this.lastJsError;
    this.lastJsError = undefined;
    const cause = js && js.msg === msg ? js.error : undefined;
    return new LuaError(msg, slot?.tb ?? "", cause === undefined ? undefined : { cause });
  }

  private messageHandler(L: LuaState): number {
    const c = this.c;
    const msg =
      c._lua_type(L, 1) === T.STRING
        ? (this.bytes.read(L, 1) ?? "")
        : c._lua_type(L, 1) === T.NIL
          ? "nil"
          : this.bytes.readToString(L, 1);
    c._luaL_traceback(L, L, 0, 1);
    const tb = this.bytes.read(L, -1) ?? "";
    c._lua_settop(L, 1);
    this.errorSlots[this.depth] = { msg, tb: tb.replace(/^\n/, "") };
    return 1;
  }

  private beginEntry(): void {
    this.executed = 0;
    this.outsideSteps = 0;
    if (this.outsideStopping) {
      this.setGuard(false);
      this.outsideStopping = false;
    }
    this.aborting = false;
    if (this.instructionLimit === 0) this.ranUnhooked = true;
  }

  private endEntry(): void {
    if (this.aborting) {
      this.aborting = false;
      this.setGuard(false);
    }
  }

  private countHook(L: LuaState): void {
    const limit = this.instructionLimit;
    if (this.depth === 0 || this.outsideNest > 0) {
      // No entry from the host runs: this is a `__gc` finalizer (hooks run in them, see wasm-patch.ts GCTM) of a
      // collection one of the host's own calls started, or of close(), or Lua run by a host function it called.
      // The collector calls it in a protected call of its own, so raising stops that finalizer and nothing else
      // (Lua makes the error a warning). The finalizers run until the next entry share one budget; once it is
      // spent, every check raises and the guard is set (a `pcall` in the finalizer cannot swallow the stop) until
      // an entry begins.
      this.outsideSteps += this.hookStep;
      if (limit <= 0 || (!this.outsideStopping && this.outsideSteps <= limit)) return;
      if (!this.outsideStopping) {
        this.outsideStopping = true;
        this.setGuard(true, L);
      }
      this.raiseFromHook(L, `instruction limit exceeded: __gc finalizers ran over ${limit} Lua ${this.unit()} outside any call from the host (endless loop?)`);
      return;
    }
    this.executed += this.hookStep;
    if (!this.aborting) {
      if (limit <= 0 || this.executed <= limit) return;
      this.aborting = true;
      this.instance.tainted = true;
      // A finalizer that a collection runs while the lines below make their text (hooks run in finalizers) and
      // that reaches the hook raises this text: the entry's message is set before any Lua call.
      this.abortMessage = this.limitMessage("", limit);
      // Name the line that was running (level 0 inside a hook), not a pcall further out.
      const c = this.c;
      c._luaL_where(L, 0);
      const where = this.bytes.read(L, -1) ?? "";
      c._luaL_traceback(L, L, 0, 0);
      this.abortTraceback = (this.bytes.read(L, -1) ?? "").replace(/^\n/, "");
      c._lua_settop(L, -3);
      this.abortMessage = this.limitMessage(where, limit);
      this.setGuard(true);
    }
    this.raiseFromHook(L, this.abortMessage);
  }

  /** What the count hook counts: "steps" in the patched module, else "instructions" (see wasm-patch.ts). */
  private unit(): string {
    return luaModuleInfo.countsSteps ? "steps" : "instructions";
  }

  /** The message of an entry that ran over `limit`, after `where` (luaL_where's position, or ""). */
  private limitMessage(where: ByteString, limit: number): ByteString {
    return `${where}instruction limit exceeded: ${this.executed} Lua ${this.unit()} ran in one call from the host without returning (limit ${limit}; endless loop?)`;
  }

  /** Raises `message` as a Lua error from inside the count hook (lua_error unwinds to the protected call). */
  private raiseFromHook(L: LuaState, message: ByteString): void {
    this.bytes.push(L, message);
    // C Lua runs a hook with its hooks off (L->allowhook 0) and turns them back on when the hook returns, which
    // raising skips: a message handler run for this error (xpcall's) would then run with no limit, and loop forever
    // if it loops. They are turned back on first (in the build wasm-patch.ts knows the state's layout of).
    if (luaModuleInfo.countsSteps) this.c.HEAPU8[L + LUA_STATE_ALLOWHOOK] = 1;
    this.c._lua_error(L);
  }

  private setGuard(on: boolean, L: LuaState = this.current): void {
    const c = this.c;
    c._lua_rawgeti(L, REGISTRY, BigInt(this.guardRef));
    this.bytes.push(L, "aborting");
    c._lua_pushboolean(L, on ? 1 : 0);
    c._lua_rawset(L, -3);
    c._lua_settop(L, -2);
  }

  private panic(L: LuaState): number {
    this.instance.tainted = true;
    const msg = this.bytes.read(L, -1) ?? "?";
    this.closedReason = `Lua panic: ${msg}`;
    throw new LuaVmClosedError(`Lua VM broke down (panic): ${msg}`);
  }

  private breakDown(e: unknown): never {
    this.instance.tainted = true;
    if (e instanceof LuaVmClosedError) throw e;
    this.closedReason ??= `internal error: ${e instanceof Error ? e.message : String(e)}`;
    throw new LuaVmClosedError(`Lua VM broke down: ${this.closedReason}`, { cause: e });
  }

  private loadHelpers(): void {
    const c = this.c;
    const L = this.L;
    const err = this.load(L, BRIDGE_HELPERS_LUA, "=[renoise-sim bridge]");
    if (err !== undefined) throw new Error(`bridge helpers: ${err}`);
    // Its arguments: the __index variants (key, source, key, source...) and the parts their keys name, in order.
    c._lua_createtable(L, 2 * INDEX_VARIANTS.size, 0);
    let i = 0;
    for (const [key, source] of INDEX_VARIANTS) {
      this.bytes.push(L, key);
      c._lua_rawseti(L, -2, int64(++i));
      this.bytes.push(L, source);
      c._lua_rawseti(L, -2, int64(++i));
    }
    c._lua_createtable(L, INDEX_PARTS.length, 0);
    INDEX_PARTS.forEach((part, k) => {
      this.bytes.push(L, part);
      c._lua_rawseti(L, -2, int64(k + 1));
    });
    if (c._lua_pcallk(L, 2, 1, 0, 0, 0) !== STATUS.OK) {
      throw new Error(`bridge helpers: ${this.bytes.read(L, -1) ?? "?"}`);
    }
    for (const name of ["get", "set", "method", "make_class", "seen", "known", "guard"] as const) {
      this.bytes.push(L, name);
      c._lua_rawget(L, -2);
      const ref = c._luaL_ref(L, REGISTRY);
      if (name === "guard") this.guardRef = ref;
      else this.helperRefs.set(name, BigInt(ref));
    }
    c._lua_settop(L, -2);
  }
}
