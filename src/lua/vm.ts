import { text, type ByteString } from "../core/bytes.js";
import { LuaBridge, type BridgeState, type FnEntry, type RawHostFunction } from "./bridge.js";
import { compiledChunk, keepCompiledChunk } from "./compile-cache.js";
import { compileInPlace } from "./compiler.js";
import { LuaSyntaxError, LuaVmClosedError } from "./errors.js";
import { EditedChunk } from "./frontend/edits.js";
import { syntaxMessage, translate51, type LuaDialect } from "./frontend/index.js";
import { OverlayFs, openToolSource, resolveToolPath, type ToolSource } from "./fs.js";
import { buildHostTable, normalizeExternal, type HostContext } from "./host.js";
import { newLuaInstance, type LuaInstance } from "./instance.js";
import { buildTemplateClass, defineHostClass, type HostClass, type HostClassSpec, type TemplateClass } from "./objects.js";
import { PRELUDES } from "./prelude/index.js";
import { luaVmPoolingDefault, MemorySnapshot, probeOnFreshInstance, releaseInstance, takeInstance } from "./pool.js";
import { LuaRef } from "./ref.js";
import {
  DEFAULT_LUA_EPOCH,
  type LuaProcessAnswer,
  type LuaProcessCall,
  type LuaSystemEvent,
} from "./system.js";
import type { HostFunction, LuaInput, LuaValue } from "./values.js";
import { newDeterministicState, numberText51InLua, REGISTRY, setNumberText51, T, type LuaState } from "./wasm.js";

/** Chunk names of renoise-sim's own Lua (preludes, bindings): never passed through the 5.1 front end. */
const INTERNAL_CHUNK = "=[renoise-sim ";

function bytesToByteString(b: Uint8Array): ByteString {
  let s = "";
  for (let i = 0; i < b.length; i += 0x2000) s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 0x2000)));
  return s;
}

function externalMap(files: Record<string, ByteString | Uint8Array> | undefined): Map<string, ByteString> {
  const map = new Map<string, ByteString>();
  for (const [path, data] of Object.entries(files ?? {})) {
    map.set(normalizeExternal(path), typeof data === "string" ? data : bytesToByteString(data));
  }
  return map;
}

/** Options of {@link createLuaVm}. */
export interface LuaVmOptions {
  /** Virtual clock in ms (drives `os.time`, `os.clock`, `os.date`). Default: always 0. */
  now?: () => number;
  /** Seed of `math.random`. Default 0. */
  seed?: number;
  /** Receives each `print` / `rprint` / `oprint` line (bytes, no trailing newline). Default: kept in `vm.printed`. */
  print?: (line: ByteString) => void;
  /** Receives `io.write` / `io.stdout:write` bytes. Default: `print` sink (one call per write). */
  stdout?: (bytes: ByteString) => void;
  /** The tool folder (or single script). Default: an empty in-memory folder. */
  tool?: ToolSource;
  /** What `os.platform()` returns. Default "LINUX". */
  platform?: "LINUX" | "WINDOWS" | "MACINTOSH";
  /** Max Lua steps (jumps, loop turns, calls, returns, metamethod operations) per entry from the host; 0 disables. Default 100 000 000. */
  instructionLimit?: number;
  /** Steps (see instructionLimit) between limit checks (the count hook period). Default 1000. */
  hookStep?: number;
  /**
   * Numbers become text as Lua 5.1 writes them (`10/2` is `5`, not `5.0`;
   * `2^53` is `9.007199254741e+15`) wherever Lua turns a number into a
   * string: `tostring`, `print`, `..`, `string.format("%s")`,
   * `table.concat`, `io.write` and library functions given a number for a
   * string. Applies to either `luaVersion`. Default true.
   */
  lua51Numbers?: boolean;
  /**
   * Tool files (the main file, `loadfile`, `dofile`, `require`) are loaded
   * from bytecode (`string.dump`'s, line information and names included)
   * compiled once per process for each text and chunk name, and kept: the
   * function is the same, a load again several times faster (a fuzz
   * scenario or a spec's `it` reloads the tool in a fresh VM), and a first
   * load leaves the same heap as a later one (see compiler.ts). `false`
   * compiles in the VM every time. Chunks loaded from strings (`load`,
   * `loadstring`, `run`) are compiled every time either way. Default true.
   */
  compileCache?: boolean;
  /** What `os.getenv` sees. Default: nothing. */
  env?: Record<string, string>;
  /**
   * Which Lua the VM reads. `"5.1"` (default): every chunk passes the Lua 5.1
   * front end first (5.1 string escapes, 5.2+ syntax refused, the implicit
   * `arg` table). `"5.4"`: chunks go to the 5.4 VM unchanged. How numbers
   * become text is {@link lua51Numbers}'s, in both.
   */
  luaVersion?: LuaDialect;
  /**
   * Seconds since 1970 (UTC) that `os.time()` returns at virtual time 0;
   * `os.time`/`os.date` then advance with virtual time. Default
   * 2026-01-01T00:00:00Z ({@link DEFAULT_LUA_EPOCH}).
   */
  epoch?: number;
  /**
   * Answers the processes the tool starts (`os.execute`, `io.popen`).
   * Return `undefined` to let the command fail as on a machine without it
   * (the default for every command): exit code 127 (1 on Windows).
   */
  processes?: (call: LuaProcessCall) => LuaProcessAnswer | undefined;
  /**
   * Files outside the tool folder the tool may read (absolute path → bytes
   * or text). Every other file operation outside the folder fails as if the
   * file did not exist (reads) or could not be written (writes).
   */
  externalFiles?: Record<string, ByteString | Uint8Array>;
  /** Receives each process start and each file operation outside the tool folder (for the trace). */
  onSystemCall?: (event: LuaSystemEvent) => void;
  /**
   * Start from a memory snapshot of a prepared VM in a pooled module
   * instance (default true): the same VM as one built from scratch, byte
   * for byte, in a fraction of the time. `false` builds it from scratch in
   * a new instance (the reference the pooled VMs are checked against).
   * Closing a pooled VM (`vm.close()`, `tool.unload()`) gives its instance
   * back for the next VM unless the VM broke down.
   */
  pooled?: boolean;
  /**
   * renoise-sim's own Lua chunks this VM will run (bindings): compiled once
   * into the VM's snapshot, so `vm.run(source, "=[renoise-sim <name>]")`
   * with the same source calls the compiled chunk instead of parsing it
   * again. Pass the same array object every time (it selects the snapshot);
   * any other chunk is loaded as usual.
   *
   * @internal for renoise-sim's own bindings (`loadLuaTool`, the spec runner).
   */
  preload?: readonly LuaPreloadChunk[];
}

/**
 * An internal chunk compiled into the VM template (see {@link LuaVmOptions.preload}).
 *
 * @internal
 */
export interface LuaPreloadChunk {
  /** Run as chunk `=[renoise-sim <name>]`. */
  readonly name: string;
  readonly source: string;
  /**
   * Run the chunk once, while the template is built, instead of in every VM:
   * every VM (pooled or built from scratch) then starts with what it did,
   * and reads its results with {@link LuaVm.templateResults}. Returns the
   * chunk's arguments; `results(name)` gives the results of a template
   * chunk listed before it (refs owned by the template: pass them, do not
   * release them). Host functions among the arguments are shared by every
   * VM, so they must not depend on one (pure functions of their arguments).
   * Only for chunks whose effects are the same in every VM.
   */
  readonly runInTemplate?: (results: (name: string) => readonly LuaValue[]) => (LuaInput | TemplateRawFunction)[];
  /**
   * With {@link runInTemplate}: the chunk's table arguments belong to each
   * VM. The template runs it with the tables `runInTemplate` gives (their
   * functions are placeholders); each VM passes its own tables to
   * `vm.templateResults(name, args)`, which points every placeholder at the
   * VM's function in the same place. A VM's tables must have the template's
   * shape and data, except the `late` keys of a top-level table: those are
   * written into the chunk's table for each VM, so the chunk may read them
   * only when its functions run, never while it loads.
   */
  /**
   * Host classes whose metatables the template builds (after the chunks
   * run), with placeholder members: a VM that defines a class of the same
   * type name and members (`LuaVm.defineClass`, see objects.ts
   * `hostClassShape`) takes that metatable, once, and points its closures
   * at its own functions instead of building it. Only the specs' names
   * and which members exist count, never their functions. Classes with
   * `cached` properties cannot be templated.
   */
  readonly hostClasses?: () => readonly HostClassSpec<object>[];
  readonly perVm?: {
    readonly late: readonly string[];
    /** How each table argument is named in errors (its functions are `<name>.<key>`); default `argument #<n>`. */
    readonly argNames?: readonly string[];
  };
}

/**
 * A raw host function given as a (top-level) argument of a
 * {@link LuaPreloadChunk.perVm} chunk: the template pushes a placeholder,
 * each VM passes its own function in the same place.
 *
 * @internal
 */
export class TemplateRawFunction {
  constructor(
    readonly name: string,
    readonly fn: RawHostFunction,
  ) {}
}

/** What a VM needs to bind a {@link LuaPreloadChunk.perVm} chunk of its template to itself. */
interface PerVmChunk {
  /** The template's arguments (placeholders). */
  readonly args: readonly LuaInput[];
  /**
   * Where the placeholders are: the arguments (keys "0", "1", ...) and,
   * under them, every table and array that holds a placeholder, down to
   * the placeholders with their host function ids.
   */
  readonly fnTree: FnNode;
  /** Registry ref of the Lua table made from each table argument, by argument index. */
  readonly tables: ReadonlyMap<number, number>;
  /** Host function id of each {@link TemplateRawFunction} argument, by argument index. */
  readonly rawFns: ReadonlyMap<number, number>;
  readonly late: ReadonlySet<string>;
  readonly argNames: readonly string[];
}

/** A placeholder (its host function id) or a table above one (its keys that lead to one), in {@link PerVmChunk.fnTree}. */
interface FnNode {
  id: number | undefined;
  readonly children: Map<string, FnNode>;
}

/** A result of a template chunk: a registry ref of the template, or a plain value. */
type TemplateResult = { readonly ref: number; readonly type: LuaRef["type"] } | { readonly value: LuaValue };

/**
 * The Lua side of a new VM before its options are applied: libraries,
 * bridge, preludes. Depends on nothing but `lua51Numbers`, so one memory
 * snapshot of it serves every VM with that setting.
 */
interface VmTemplate {
  readonly L: LuaState;
  readonly bridge: BridgeState;
  /** The `host` table key of each host function alive in the template, by id. */
  readonly hostFnKeys: ReadonlyMap<number, string>;
  /** Registry ref of the prelude's `type`. */
  readonly typeFnRef: number;
  /** Registry ref of the Lua function applying the per-VM options (see CONFIGURE_LUA). */
  readonly configureRef: number;
  /** Compiled preload chunks by chunk name: their source and registry ref. */
  readonly preloaded: ReadonlyMap<string, { readonly source: string; readonly ref: number }>;
  /** Results of the chunks run in the template, by preload name. */
  readonly results: ReadonlyMap<string, readonly TemplateResult[]>;
  /** Host functions the template chunks were given (shared by every VM), by id. */
  readonly sharedFns: ReadonlyMap<number, FnEntry>;
  /** The {@link LuaPreloadChunk.perVm} chunks, by name. */
  readonly perVm: ReadonlyMap<string, PerVmChunk>;
  /** The {@link LuaPreloadChunk.hostClasses} metatables, by type name. */
  readonly classes: ReadonlyMap<string, TemplateClass>;
}

/** Applies the options the preludes read at run time; runs once per VM, from scratch or restored. */
const CONFIGURE_LUA = `
local host = ...
return function(seed, platform, root, epoch)
  host.seed, host.platform, host.root, host.epoch = seed, platform, root, epoch
  host.reseed()
end
`;

function templateCall(): never {
  throw new Error("renoise-sim: a host function was called while the Lua VM template was being built");
}

/** The host context of a template: options are applied later, host functions may not run. */
function templateContext(fs: OverlayFs, guard: LuaRef, lua51Numbers: boolean): HostContext {
  return {
    fs,
    now: templateCall,
    seed: 0,
    platform: "LINUX",
    lua51Numbers,
    env: {},
    guard,
    same: templateCall,
    print: templateCall,
    stdout: templateCall,
    onExit: templateCall,
    translate: templateCall,
    compiled: templateCall,
    epoch: DEFAULT_LUA_EPOCH,
    processes: undefined,
    externalFiles: new Map(),
    onSystemCall: templateCall,
  };
}

/**
 * Builds the template Lua state in a new instance: deterministic state,
 * standard libraries, bridge, host table, preludes. The bridge made here is
 * dropped: VMs rebuild theirs from the returned state.
 */
function buildTemplate(
  inst: LuaInstance,
  lua51Numbers: boolean,
  preload: readonly LuaPreloadChunk[] | undefined,
): VmTemplate {
  const c = inst.c;
  setNumberText51(c, lua51Numbers);
  const L = newDeterministicState(c);
  c._luaL_openlibs(L);
  const bridge = new LuaBridge(inst, L, { instructionLimit: 0, hookStep: 1 });
  const guard = new LuaRef(bridge, bridge.guardRefIndex, "table");
  const hostTable = buildHostTable(templateContext(new OverlayFs(openToolSource(undefined).fs), guard, lua51Numbers));
  const [host] = bridge.run("return ...", "=[renoise-sim host]", [hostTable]);
  if (!(host instanceof LuaRef)) throw new Error("host table missing");
  for (const p of PRELUDES) bridge.run(p.source, `=[renoise-sim ${p.name}]`, [host]);
  const [configure] = bridge.run(CONFIGURE_LUA, "=[renoise-sim configure]", [host]);
  host.release();
  const [typeFn] = bridge.run("return type", "=[renoise-sim type]");
  if (!(typeFn instanceof LuaRef) || !(configure instanceof LuaRef)) throw new Error("prelude did not define type()");
  const preloaded = new Map<string, { source: string; ref: number }>();
  for (const p of preload ?? []) {
    const chunkname = `${INTERNAL_CHUNK}${p.name}]`;
    const err = bridge.load(L, p.source, chunkname);
    if (err !== undefined) throw new LuaSyntaxError(err, "");
    preloaded.set(chunkname, { source: p.source, ref: c._luaL_ref(L, REGISTRY) });
  }
  const firstSharedFn = bridge.snapshotState().nextFnId;
  const perVm = new Map<string, PerVmChunk>();
  const results = runTemplateChunks(bridge, preload, preloaded, perVm);
  const classes = new Map<string, TemplateClass>();
  for (const spec of (preload ?? []).flatMap((p) => p.hostClasses?.() ?? [])) {
    if (classes.has(spec.typeName)) throw new Error(`Lua VM template: two host classes named ${spec.typeName}`);
    classes.set(spec.typeName, buildTemplateClass(bridge, spec));
  }
  // Every VM starts from a collected heap (and the collector's pace set from it), not in mid-cycle.
  if (results.size || classes.size) bridge.run("collectgarbage('collect')", "=[renoise-sim gc]", []);
  const state = bridge.snapshotState();
  const keyOf = new Map<unknown, string>();
  for (const [k, v] of Object.entries(hostTable)) if (typeof v === "function") keyOf.set(v, k);
  const hostFnKeys = new Map<number, string>();
  const sharedFns = new Map<number, FnEntry>();
  for (const [id, entry] of state.funcs) {
    if (id >= firstSharedFn) {
      sharedFns.set(id, entry);
      continue;
    }
    const key = keyOf.get(entry.fn);
    if (key === undefined) throw new Error(`Lua VM template: host function '${entry.name}' is not from the host table`);
    hostFnKeys.set(id, key);
  }
  return { L, bridge: state, hostFnKeys, typeFnRef: typeFn.ref, configureRef: configure.ref, preloaded, results, sharedFns, perVm, classes };
}

/** Runs the preload chunks marked {@link LuaPreloadChunk.runInTemplate}, in order; returns their results by name. */
function runTemplateChunks(
  bridge: LuaBridge,
  preload: readonly LuaPreloadChunk[] | undefined,
  preloaded: ReadonlyMap<string, { readonly ref: number }>,
  perVm: Map<string, PerVmChunk>,
): Map<string, TemplateResult[]> {
  const results = new Map<string, TemplateResult[]>();
  const refs = new Map<string, LuaValue[]>();
  const resultsOf = (name: string): readonly LuaValue[] => {
    const r = refs.get(name);
    if (r === undefined) throw new Error(`Lua VM template: no template chunk '${name}' ran before this one`);
    return r;
  };
  for (const p of preload ?? []) {
    if (p.runInTemplate === undefined) continue;
    const fn = new LuaRef(bridge, preloaded.get(`${INTERNAL_CHUNK}${p.name}]`)!.ref, "function");
    let args: readonly (LuaInput | TemplateRawFunction)[] = p.runInTemplate(resultsOf);
    if (p.perVm !== undefined) {
      const chunk = tablesOfPerVmChunk(bridge, args, p.perVm.late, p.perVm.argNames ?? []);
      perVm.set(p.name, chunk);
      args = args.map((a, i) => {
        const ref = chunk.tables.get(i) ?? chunk.argRefs.get(i);
        return ref === undefined ? a : new LuaRef(bridge, ref, chunk.tables.has(i) ? "table" : "function");
      });
    }
    if (args.some((a) => a instanceof TemplateRawFunction)) throw new Error(`Lua VM template: chunk '${p.name}' takes a raw function but is not perVm`);
    const out = fn.call(...(args as LuaInput[]));
    refs.set(p.name, out);
    results.set(
      p.name,
      out.map((v) => (v instanceof LuaRef ? { ref: v.ref, type: v.type } : { value: v })),
    );
  }
  return results;
}

/** A plain JS object (pushed as a table). */
function isPlainTable(v: unknown): v is Record<string, LuaInput> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Makes the Lua tables of a {@link LuaPreloadChunk.perVm} chunk's table
 * arguments in the template (kept in its registry) and finds the host
 * function id of each placeholder function in them.
 */
function tablesOfPerVmChunk(
  bridge: LuaBridge,
  args: readonly (LuaInput | TemplateRawFunction)[],
  late: readonly string[],
  argNames: readonly string[],
): PerVmChunk & { readonly argRefs: ReadonlyMap<number, number> } {
  const pathOf = new Map<unknown, string>();
  /** The tree node of each placeholder function. */
  const nodeOf = new Map<unknown, FnNode>();
  const fnTree: FnNode = { id: undefined, children: new Map() };
  const child = (parent: FnNode, k: string): FnNode => {
    let n = parent.children.get(k);
    if (n === undefined) parent.children.set(k, (n = { id: undefined, children: new Map() }));
    return n;
  };
  /** Walks `v` (at `path`, reached by `keys` from the arguments) and adds the nodes leading to each function. */
  const walk = (v: unknown, path: string, keys: readonly string[]): void => {
    if (typeof v === "function") {
      if (pathOf.has(v)) throw new Error(`Lua VM template: the same function is at ${pathOf.get(v)} and ${path}`);
      pathOf.set(v, path);
      nodeOf.set(v, keys.reduce(child, fnTree));
    } else if (isPlainTable(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, [...keys, k]);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}.${i + 1}`, [...keys, String(i + 1)]));
    }
  };
  const tables = new Map<number, number>();
  const before = bridge.snapshotState().nextFnId;
  const L = bridge.current;
  const rawFns = new Map<number, number>();
  const argRefs = new Map<number, number>();
  args.forEach((a, i) => {
    if (a instanceof TemplateRawFunction) {
      rawFns.set(i, bridge.snapshotState().nextFnId);
      bridge.pushRawFunction(L, a.fn, a.name);
      argRefs.set(i, bridge.c._luaL_ref(L, REGISTRY));
      return;
    }
    if (!isPlainTable(a)) return;
    walk(a, String(i), [String(i)]);
    bridge.push(L, a, argNames[i] ?? `argument #${i + 1}`);
    tables.set(i, bridge.c._luaL_ref(L, REGISTRY));
  });
  const rawIds = new Set(rawFns.values());
  for (const [id, entry] of bridge.snapshotState().funcs) {
    if (id < before || rawIds.has(id)) continue;
    const node = nodeOf.get(entry.fn);
    if (node === undefined) throw new Error(`Lua VM template: host function '${entry.name}' is not from the chunk's tables`);
    node.id = id;
  }
  return { args, fnTree, tables, rawFns, argRefs, late: new Set(late), argNames };
}

interface Prepared {
  readonly template: VmTemplate;
  readonly snapshot: MemorySnapshot;
}

/** Template and snapshot per `lua51Numbers` and preload list, made on first use. */
const prepared = new Map<readonly LuaPreloadChunk[] | undefined, Map<boolean, Promise<Prepared>>>();

async function prepare(lua51Numbers: boolean, preload: readonly LuaPreloadChunk[] | undefined): Promise<Prepared> {
  const inst = await newLuaInstance();
  probeOnFreshInstance(inst);
  const template = buildTemplate(inst, lua51Numbers, preload);
  const snapshot = MemorySnapshot.take(inst);
  releaseInstance(inst, snapshot);
  return { template, snapshot };
}

/**
 * A fresh Lua 5.4 VM (C Lua in WebAssembly, own module instance) prepared to
 * run Renoise tool code: Lua 5.1 compatibility, `bit`, luabind `class`,
 * Renoise's std-lib additions, a deterministic `os`, `io`/`require` confined
 * to the tool folder, `print` to a sink and an instruction limit.
 */
export async function createLuaVm(options: LuaVmOptions = {}): Promise<LuaVm> {
  const lua51Numbers = options.lua51Numbers ?? true;
  const preload = options.preload;
  if (!(options.pooled ?? luaVmPoolingDefault())) {
    const inst = await newLuaInstance();
    // The process's first VM may be this one: the probe finds where `allgc` is, which turning the
    // instruction limit on needs to reach the coroutines made before it (it leaves the memory as it was).
    probeOnFreshInstance(inst);
    return new LuaVm(inst, buildTemplate(inst, lua51Numbers, preload), options);
  }
  let byNumbers = prepared.get(preload);
  if (!byNumbers) prepared.set(preload, (byNumbers = new Map<boolean, Promise<Prepared>>()));
  let ready = byNumbers.get(lua51Numbers);
  if (!ready) {
    const made = (ready = prepare(lua51Numbers, preload));
    byNumbers.set(lua51Numbers, made);
    made.catch(() => byNumbers.delete(lua51Numbers));
  }
  const { template, snapshot } = await ready;
  const inst = await takeInstance();
  snapshot.restoreInto(inst);
  const vm = new LuaVm(inst, template, options);
  vm.onClosed = () => releaseInstance(inst, snapshot);
  return vm;
}

/**
 * A file chunk as Lua 5.4's `loadfile` reads it: a first line starting
 * with `#` (a shebang) is skipped, its line kept (made a comment).
 */
function skipHashLine(src: ByteString): ByteString {
  return src.charCodeAt(0) === 35 ? "--" + src : src;
}

/** See {@link createLuaVm}. */
export class LuaVm {
  /** The raw bridge (stack-level access) — for advanced bindings. */
  readonly bridge: LuaBridge;
  /** The tool folder as the tool sees it (writes stay in memory: `files.written`). */
  readonly files: OverlayFs;
  /** Name of the main file run by {@link loadTool}. */
  readonly mainFile: string;
  /** Lines printed when no `print` option was given. */
  readonly printed: ByteString[] = [];
  /** Processes started and file operations outside the tool folder, in order. */
  readonly systemCalls: LuaSystemEvent[] = [];
  /** Exit codes passed to `os.exit` (which raised an error each time). */
  readonly exitCalls: LuaValue[] = [];
  /** Renoise's `type` as installed by the prelude (immune to tools redefining the global). */
  private readonly typeFn: LuaRef;
  /** Which Lua chunks are read as (see {@link LuaVmOptions.luaVersion}). */
  readonly luaVersion: LuaDialect;
  /** 5.1's number text is made by Lua code: the front end wraps `..` operands (see `numberText51InLua`). */
  private readonly numbersInLua: boolean;
  /** See {@link LuaVmOptions.compileCache}. */
  private readonly compileCache: boolean;
  /** The wasm instance the VM runs in. */
  private readonly inst: LuaInstance;
  /** Compiled internal chunks of the template, by chunk name. */
  private readonly preloaded: ReadonlyMap<string, { readonly source: string; readonly fn: LuaRef }>;
  /** Results of the template chunks (see {@link LuaPreloadChunk.runInTemplate}). */
  private readonly templateChunkResults: ReadonlyMap<string, readonly TemplateResult[]>;
  /** The template chunks whose tables each VM binds (see {@link LuaPreloadChunk.perVm}). */
  private readonly perVmChunks: ReadonlyMap<string, PerVmChunk>;
  /** @internal Called once after a clean {@link close} (gives the instance back to the pool). */
  onClosed: (() => void) | undefined;

  /** @internal use {@link createLuaVm}. */
  constructor(inst: LuaInstance, template: VmTemplate, options: LuaVmOptions) {
    this.inst = inst;
    this.luaVersion = options.luaVersion ?? "5.1";
    if (this.luaVersion !== "5.1" && this.luaVersion !== "5.4") {
      throw new TypeError(`createLuaVm: luaVersion must be "5.1" or "5.4", got ${String(this.luaVersion)}`);
    }
    // The instance's number-text switch (an instance from the pool may have served the other setting).
    const lua51Numbers = options.lua51Numbers ?? true;
    setNumberText51(inst.c, lua51Numbers);
    this.numbersInLua = numberText51InLua(lua51Numbers);
    this.compileCache = options.compileCache ?? true;
    const { fs, main } = openToolSource(options.tool);
    this.files = new OverlayFs(fs);
    this.mainFile = main;
    const print = options.print ?? ((line: ByteString) => void this.printed.push(line));
    const hostTable = buildHostTable({
      fs: this.files,
      now: options.now ?? (() => 0),
      seed: options.seed ?? 0,
      platform: options.platform ?? "LINUX",
      lua51Numbers,
      env: options.env ?? {},
      same: (a, b) => this.bridge.sameObject(a, b),
      print,
      stdout: options.stdout ?? print,
      onExit: (code) => void this.exitCalls.push(code),
      translate: (src, chunkname, file) => this.translate(src, chunkname, file),
      compiled: (code, chunkname) => this.bytecodeOf(code, chunkname),
      epoch: options.epoch ?? DEFAULT_LUA_EPOCH,
      processes: options.processes,
      externalFiles: externalMap(options.externalFiles),
      onSystemCall: (event) => {
        this.systemCalls.push(event);
        options.onSystemCall?.(event);
      },
    });
    // One copy of the template's ~400 host functions, made with forEach (new Map(map) iterates
    // through entry arrays), and handed to the bridge as its own (it would copy it again).
    const funcs = new Map<number, FnEntry>();
    template.sharedFns.forEach((entry, id) => funcs.set(id, entry));
    for (const [id, key] of template.hostFnKeys) {
      funcs.set(id, template.bridge.funcs.get(id)!.withFn(hostTable[key] as HostFunction));
    }
    const hookStep = options.hookStep ?? 1000;
    this.bridge = new LuaBridge(inst, template.L, { instructionLimit: 0, hookStep }, {
      ...template.bridge,
      funcs,
      funcsOwned: true,
    });
    this.bridge.templateClasses = template.classes;
    this.typeFn = new LuaRef(this.bridge, template.typeFnRef, "function");
    const preloaded = new Map<string, { source: string; fn: LuaRef }>();
    for (const [name, p] of template.preloaded) preloaded.set(name, { source: p.source, fn: new LuaRef(this.bridge, p.ref, "function") });
    this.preloaded = preloaded;
    this.templateChunkResults = template.results;
    this.perVmChunks = template.perVm;
    const configure = new LuaRef(this.bridge, template.configureRef, "function");
    configure.call(hostTable.seed, hostTable.platform, hostTable.root, hostTable.epoch); // runs unmetered
    this.bridge.noThreadsMadeYet(); // (configure makes no coroutine: no walk of every object to hook them)
    this.bridge.setInstructionLimit(options.instructionLimit ?? 100_000_000);
  }

  // ------------------------------------------------------------ running

  /**
   * Runs Lua source (bytes; text is fine if ASCII — use `text()` for other
   * text) and returns its results. `chunkname` follows Lua conventions
   * (`"@file.lua"`, `"=name"`). Throws `LuaSyntaxError` / `LuaError` /
   * `LuaInstructionLimitError`; the VM stays usable.
   */
  run(source: ByteString | Uint8Array, chunkname: ByteString = "=(host)", ...args: LuaInput[]): LuaValue[] {
    if (chunkname.startsWith(INTERNAL_CHUNK)) {
      const pre = this.preloaded.get(chunkname);
      if (pre !== undefined && pre.source === source) return pre.fn.call(...args);
      return this.bridge.run(source, chunkname, args);
    }
    return this.bridge.run(this.front(source, chunkname, false, true), chunkname, args);
  }

  /**
   * The results of preload chunk `name` if it ran in the template (see
   * {@link LuaPreloadChunk.runInTemplate}), refs owned by the caller; else
   * undefined (then run the chunk with {@link run}).
   *
   * @internal for renoise-sim's own bindings.
   */
  templateResults(name: string, args?: readonly (LuaInput | TemplateRawFunction)[]): LuaValue[] | undefined {
    const results = this.templateChunkResults.get(name);
    if (results === undefined) return undefined;
    const b = this.bridge;
    b.ensureOpen();
    const L = b.current;
    const perVm = this.perVmChunks.get(name);
    if (perVm !== undefined) {
      if (args === undefined) throw new Error(`templateResults: chunk '${name}' needs this VM's table arguments`);
      this.bindPerVmChunk(name, perVm, args);
    }
    return results.map((r) => {
      if ("value" in r) return r.value;
      b.c._lua_rawgeti(L, REGISTRY, BigInt(r.ref));
      const ref = b.refAt(L, -1);
      b.c._lua_settop(L, -2);
      return ref;
    });
  }

  /**
   * Binds a {@link LuaPreloadChunk.perVm} chunk's tables to this VM: checks
   * that `args` has the template's shape and data (but at the late keys),
   * points each placeholder at this VM's function and writes the late keys.
   */
  private bindPerVmChunk(name: string, chunk: PerVmChunk, args: readonly (LuaInput | TemplateRawFunction)[]): void {
    const fail = (path: string, why: string): never => {
      throw new Error(`templateResults: chunk '${name}': ${path} ${why} (the template's shape and data are fixed; only late keys may differ)`);
    };
    const fns: [number, HostFunction][] = [];
    const late: [number, number, string, LuaInput][] = [];
    // The keys down to the value being compared: its path ("0.key.key") is made only for an error.
    const trail: string[] = [];
    const at = (): string => trail.join(".");
    /** Compares template value `t` with this VM's `v`; `node` is `t`'s place in the placeholder tree, if any is below. */
    const same = (t: unknown, v: unknown, node: FnNode | undefined): void => {
      if (t === v && node === undefined) return; // the very same data (no placeholder below)
      if (typeof t === "function") {
        if (typeof v !== "function") fail(at(), "is not a function");
        fns.push([node?.id ?? fail(at(), "has no host function in the template"), v as HostFunction]);
      } else if (isPlainTable(t)) {
        if (!isPlainTable(v)) return fail(at(), "is not a plain table");
        let count = 0;
        for (const k in v) if (v[k] !== undefined) count++;
        for (const k in t) if (t[k] !== undefined) count--;
        if (count !== 0) fail(at(), "has other keys");
        for (const k in t) {
          if (t[k] === undefined) continue;
          trail.push(k);
          same(t[k], v[k], node?.children.get(k));
          trail.pop();
        }
      } else if (Array.isArray(t)) {
        if (!Array.isArray(v) || v.length !== t.length) return fail(at(), "is not an array of the same length");
        for (let i = 0; i < t.length; i++) {
          trail.push(String(i + 1));
          same(t[i], v[i], node?.children.get(String(i + 1)));
          trail.pop();
        }
      } else if (!Object.is(t, v)) {
        fail(at(), "has another value");
      }
    };
    for (const [i, ref] of chunk.tables) {
      const t = chunk.args[i] as Record<string, LuaInput>;
      const v = args[i];
      // The template's very table (shared data, no placeholder, no late key): nothing to bind.
      if (t === v && !chunk.fnTree.children.has(String(i)) && chunk.late.size === 0) continue;
      if (!isPlainTable(v)) fail(String(i), "is not a plain table");
      const keys = Object.keys(t).filter((k) => t[k] !== undefined || chunk.late.has(k));
      for (const [k, x] of Object.entries(v as object)) if (!(k in t) && x !== undefined) fail(`${i}.${k}`, "is not in the template");
      const argNode = chunk.fnTree.children.get(String(i));
      for (const k of keys) {
        const x = (v as Record<string, LuaInput>)[k];
        if (chunk.late.has(k)) {
          late.push([ref, i, k, x]);
          continue;
        }
        trail.push(String(i), k);
        same(t[k], x, argNode?.children.get(k));
        trail.length = 0;
      }
    }
    const raws: [number, RawHostFunction][] = [];
    for (const [i, id] of chunk.rawFns) {
      const v = args[i];
      if (!(v instanceof TemplateRawFunction)) fail(String(i), "is not a TemplateRawFunction");
      raws.push([id, (v as TemplateRawFunction).fn]);
    }
    const b = this.bridge;
    for (const [id, fn] of fns) b.rebindFunction(id, fn);
    for (const [id, fn] of raws) b.rebindFunction(id, fn, true);
    const L = b.current;
    for (const [ref, i, k, x] of late) {
      b.c._lua_rawgeti(L, REGISTRY, BigInt(ref));
      b.bytes.push(L, k);
      try {
        b.push(L, x, `${chunk.argNames[i] ?? `argument #${i + 1}`}.${k}`);
      } catch (e) {
        b.c._lua_settop(L, -3);
        throw e;
      }
      b.c._lua_rawset(L, -3);
      b.c._lua_settop(L, -2);
    }
  }

  /** Runs a file of the tool folder (like `dofile`), with chunkname `@<path>`. */
  runFile(path: string, ...args: LuaInput[]): LuaValue[] {
    const rel = resolveToolPath(this.files.root, path);
    const src = this.files.read(rel);
    if (src === undefined) throw new Error(`runFile: no file '${path}' in the tool folder ${this.files.root}`);
    const chunkname = text("@" + rel);
    // A precompiled file (bytecode), as Lua's loadfile takes it: loaded as it is.
    if (src.charCodeAt(0) === 0x1b) return this.bridge.run(src, chunkname, args, true);
    const code = this.front(src, chunkname, true);
    const bytecode = typeof code === "string" ? this.bytecodeOf(code, chunkname) : undefined;
    if (bytecode !== undefined) return this.bridge.run(bytecode, chunkname, args, true);
    return this.bridge.run(code, chunkname, args);
  }

  /**
   * The bytecode of a tool file's `code` compiled as `chunkname`: kept from
   * before (compile-cache.ts), or compiled now in this VM's instance with
   * its memory put back (compiler.ts) and kept; undefined when the cache is
   * off or the text does not compile (the VM compiles it then, for Lua's own
   * message).
   */
  private bytecodeOf(code: ByteString, chunkname: ByteString): ByteString | undefined {
    if (!this.compileCache) return undefined;
    const kept = compiledChunk(code, chunkname);
    if (kept !== undefined) return kept;
    const made = compileInPlace(this.inst, this.bridge.bytes, code, chunkname);
    if (made !== undefined) keepCompiledChunk(code, chunkname, made);
    return made;
  }

  /**
   * The source the VM compiles for a chunk (the 5.1 front end's output, or
   * the chunk itself in 5.4 mode). Throws `LuaSyntaxError` with Lua's
   * message (`file:line: ...`) for a chunk 5.1 would refuse.
   */
  private front(source: ByteString | Uint8Array, chunkname: ByteString, file: boolean): ByteString | Uint8Array;
  /**
   * With `pieces`: a translation with insertions comes as its pieces (for
   * `bridge.run`, which writes them into the module's memory; its text is
   * never made).
   */
  private front(source: ByteString | Uint8Array, chunkname: ByteString, file: boolean, pieces: true): ByteString | Uint8Array | EditedChunk;
  private front(source: ByteString | Uint8Array, chunkname: ByteString, file: boolean, pieces = false): ByteString | Uint8Array | EditedChunk {
    if (this.luaVersion === "5.4") return file && typeof source === "string" ? skipHashLine(source) : source;
    const src = typeof source === "string" ? source : bytesToByteString(source);
    const t = this.translatePieces(src, chunkname, file, pieces);
    if (typeof t === "string" || t instanceof EditedChunk) return t;
    throw new LuaSyntaxError(t.message, "");
  }

  /** See {@link front}: translated source, or the syntax error message. */
  private translate(src: ByteString, chunkname: ByteString, file: boolean): ByteString | { message: ByteString } {
    return this.translatePieces(src, chunkname, file, false) as ByteString | { message: ByteString };
  }

  /** {@link translate}; with `pieces`, a translation with insertions as its pieces (see {@link front}). */
  private translatePieces(src: ByteString, chunkname: ByteString, file: boolean, pieces: boolean): ByteString | EditedChunk | { message: ByteString } {
    if (this.luaVersion === "5.4") return file ? skipHashLine(src) : src;
    const t = translate51(src, file, this.numbersInLua);
    if (t.ok) return pieces && t.edited !== undefined && !t.edited.textMade ? t.edited : t.source;
    const b = this.bridge;
    const L = b.current;
    if (t.fallback !== undefined) {
      // A genuine syntax error: Lua's own message says it best.
      const err = b.load(L, t.fallback, chunkname);
      if (err !== undefined) return { message: err };
      b.c._lua_settop(L, -2);
    }
    if (t.prefix !== undefined && t.prefix.trim() !== "") {
      // A syntax error before the token the lexer refused is the one Lua 5.1 reports (an error about the
      // prefix's cut end, `near <eof>`, is not one).
      const err = b.load(L, t.prefix, chunkname);
      if (err === undefined) b.c._lua_settop(L, -2);
      else if (!err.endsWith("near <eof>")) return { message: err };
    }
    return { message: syntaxMessage(chunkname, t.line, t.message) };
  }

  /** Loads the tool: runs its main file (`main.lua`, or the single script). */
  loadTool(): LuaValue[] {
    return this.runFile(this.mainFile);
  }

  /**
   * Calls a Lua function given as a ref or as a global path (`"a.b.f"`) and
   * returns its results (refs among them belong to the caller).
   */
  call(fn: LuaRef | string, ...args: LuaInput[]): LuaValue[] {
    if (fn instanceof LuaRef) return fn.call(...args);
    const f = this.getGlobal(fn);
    if (!(f instanceof LuaRef)) throw new TypeError(`call: global '${fn}' is not a function`);
    try {
      return f.call(...args);
    } finally {
      f.release();
    }
  }

  // ------------------------------------------------------------ globals

  /** Reads a global, following a dotted path with raw gets (`undefined` if absent). */
  getGlobal(path: string): LuaValue {
    const b = this.bridge;
    b.ensureOpen();
    const L = b.current;
    const parts = path.split(".");
    b.pushGlobals(L);
    for (const part of parts) {
      if (b.c._lua_type(L, -1) !== T.TABLE) {
        b.c._lua_settop(L, -2);
        return undefined;
      }
      b.bytes.push(L, part);
      b.c._lua_rawget(L, -2);
      b.c._lua_rotate(L, -2, 1);
      b.c._lua_settop(L, -2);
    }
    const v = b.toJs(L, -1, false);
    b.c._lua_settop(L, -2);
    return v;
  }

  /** Sets a global (raw set; a dotted path's tables must exist). */
  setGlobal(path: string, value: LuaInput): void {
    const parts = path.split(".");
    const last = parts.pop()!;
    const b = this.bridge;
    b.ensureOpen();
    const L = b.current;
    if (parts.length) {
      const parent = this.getGlobal(parts.join("."));
      if (!(parent instanceof LuaRef) || parent.type !== "table") {
        throw new TypeError(`setGlobal: '${parts.join(".")}' is not a table`);
      }
      b.push(L, parent);
      parent.release();
    } else {
      b.pushGlobals(L);
    }
    b.bytes.push(L, last);
    try {
      this.pushNamed(L, value, path);
    } catch (e) {
      b.c._lua_settop(L, -3);
      throw e;
    }
    b.c._lua_rawset(L, -3);
    b.c._lua_settop(L, -2);
  }

  /**
   * Installs a tree of globals, merging into existing tables: plain objects
   * become (or extend) tables, functions become Lua functions named by their
   * path (`"renoise.Socket.create_client"`), other values are converted as
   * usual.
   *
   * ```ts
   * vm.installGlobals({ renoise: { Socket: { PROTOCOL_TCP: 1, create_client: (...a) => ... } } });
   * ```
   */
  installGlobals(tree: Record<string, LuaInput>): void {
    const b = this.bridge;
    b.ensureOpen();
    const L = b.current;
    const base = b.c._lua_gettop(L);
    b.pushGlobals(L);
    try {
      this.mergeInto(L, tree, "");
    } finally {
      b.c._lua_settop(L, base);
    }
  }

  private mergeInto(L: LuaState, tree: Record<string, LuaInput>, path: string): void {
    const b = this.bridge;
    const c = b.c;
    for (const [k, v] of Object.entries(tree)) {
      const name = path ? `${path}.${k}` : k;
      if (this.isPlainObject(v)) {
        b.bytes.push(L, k);
        if (c._lua_rawget(L, -2) !== T.TABLE) {
          c._lua_settop(L, -2);
          c._lua_createtable(L, 0, 0);
          b.bytes.push(L, k);
          c._lua_pushvalue(L, -2);
          c._lua_rawset(L, -4);
        }
        this.mergeInto(L, v as Record<string, LuaInput>, name);
        c._lua_settop(L, -2);
      } else {
        b.bytes.push(L, k);
        this.pushNamed(L, v, name);
        c._lua_rawset(L, -3);
      }
    }
  }

  private pushNamed(L: LuaState, v: LuaInput, name: string): void {
    if (typeof v === "function") this.bridge.pushFunction(L, v as HostFunction, name);
    else this.bridge.push(L, v, name);
  }

  private isPlainObject(v: unknown): boolean {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    if (v instanceof LuaRef || v instanceof Uint8Array || this.bridge.classOf(v)) return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    return proto === Object.prototype || proto === null;
  }

  /**
   * Creates a Lua function calling a {@link RawHostFunction} (stack-level,
   * no argument conversion) and returns a ref owned by the caller.
   */
  rawFunction(name: string, fn: RawHostFunction): LuaRef {
    const b = this.bridge;
    b.ensureOpen();
    const L = b.current;
    b.pushRawFunction(L, fn, name);
    const ref = b.refAt(L, -1);
    b.c._lua_settop(L, -2);
    return ref;
  }

  /**
   * Renoise's `type()` of a value: the class name for class instances
   * (`"MyNotifier"`), `"<Name> class"` for classes, the `typeName` of host
   * objects, else Lua's type. Lets a binding tell a notifier *table* (call
   * its functions without `self`) from a class *instance* (call methods).
   */
  renoiseType(value: LuaInput): string {
    const [t] = this.typeFn.call(value);
    return typeof t === "string" ? t : "nil";
  }

  // ------------------------------------------------------- host objects

  /**
   * Defines how a kind of JS object appears in Lua (userdata with methods,
   * properties and a `type()` name). See {@link HostClassSpec}.
   */
  defineClass<T extends object>(spec: HostClassSpec<T>): HostClass<T> {
    this.bridge.ensureOpen();
    return defineHostClass(this.bridge, spec);
  }

  /**
   * Marks `obj` as an instance of `cls` so that passing it to Lua gives its
   * userdata (the same userdata every time while Lua holds it, so `==` and
   * `rawequal` hold). Returns `obj`.
   */
  wrap<T extends object>(obj: T, cls: HostClass<T>): T {
    this.bridge.bindObject(obj, cls);
    return obj;
  }

  /**
   * Marks every instance of the JS class `ctor` (objects whose prototype is
   * `ctor.prototype`; not its subclasses' instances) as an instance of
   * `cls`, as {@link wrap} marks one object: for objects made often (no
   * marking per object). A {@link wrap} of one object still wins.
   */
  wrapInstances<T extends object>(ctor: abstract new (...args: never[]) => T, cls: HostClass<T>): void {
    this.bridge.bindPrototype(ctor.prototype as object, cls);
  }

  /**
   * Sets how objects that were not {@link wrap}ped find their host class:
   * `resolve(obj)` returns the class (defined with {@link defineClass}) or
   * undefined. Lets a binding expose a whole family of classes without
   * wrapping every object.
   */
  setClassResolver(resolve: ((obj: object) => HostClass<object> | undefined) | undefined): void {
    this.bridge.classResolver = resolve;
  }

  /**
   * Sets the function the bridge calls at every entry into Lua and after
   * every host function returns, where a binding that lets Lua keep values
   * (`HostClassSpec.cached`) decides whether to {@link flushValueCache}.
   */
  setValueCacheCheck(check: (() => void) | undefined): void {
    this.bridge.cacheCheck = check;
  }

  /** Forgets every value Lua kept for `HostClassSpec.cached` properties. */
  flushValueCache(): void {
    this.bridge.flushValueCache();
  }

  // ------------------------------------------------------------ misc

  /** Changes the per-entry instruction limit (0 disables). */
  setInstructionLimit(limit: number): void {
    this.bridge.setInstructionLimit(limit);
  }

  /** Steps (jumps, loop turns, calls, returns, metamethod operations) counted in the last (or current) entry from the host, a multiple of the hook period. */
  get instructionsExecuted(): number {
    return this.bridge.executed;
  }

  /** Runs a full garbage collection (frees refs' targets, host closures, object userdata). */
  collectGarbage(): void {
    this.run("collectgarbage('collect')", "=(gc)");
  }

  /** True once closed or broken. */
  get closed(): boolean {
    return this.bridge.closed;
  }

  /** Closes the VM; later use throws `LuaVmClosedError`. */
  close(): void {
    if (this.bridge.closed) return;
    this.bridge.close();
    const closed = this.onClosed;
    this.onClosed = undefined;
    closed?.();
  }

  /** Throws if the VM is closed. */
  ensureOpen(): void {
    if (this.bridge.closed) throw new LuaVmClosedError("Lua VM is closed");
  }
}
