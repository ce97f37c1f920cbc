import type { ByteString } from "../core/bytes.js";
import type { HostClassSlot, LuaBridge, RawHostFunction } from "./bridge.js";
import { LuaRaise } from "./errors.js";
import { keptStore } from "./kept-store.js";
import { LuaRef } from "./ref.js";
import type { HostFunction, HostResult, LuaInput, LuaValue } from "./values.js";
import { REGISTRY, T, type LuaState } from "./wasm.js";

const T_USERDATA = T.USERDATA;
const T_NUMBER = T.NUMBER;

/** A property of a {@link HostClassSpec}. Errors thrown by `get`/`set` are raised in Lua. */
export interface HostProperty<T> {
  /** Reads the property (`obj.name` in Lua). */
  get?: (self: T) => LuaInput;
  /** Writes the property (`obj.name = v`); absent: read-only. */
  set?: (self: T, value: LuaValue) => void;
}

/**
 * Describes how JS objects of one kind appear in Lua: as userdata whose
 * `type()` is `typeName`, with methods (`obj:name(...)`) and properties
 * (`obj.name`, `obj.name = v`). Unknown members raise a Lua error.
 */
export interface HostClassSpec<T extends object> {
  /** What Lua's `type(obj)` returns, e.g. `"SocketClient"`. */
  typeName: string;
  /** Methods; `self` is the JS object (checked: calling with `.` instead of `:` raises). */
  methods?: Record<string, (self: T, ...args: LuaValue[]) => HostResult>;
  /** Properties. */
  properties?: Record<string, HostProperty<T>>;
  /** `tostring(obj)`; default `"<typeName>: 0x…"`. */
  tostring?: (self: T) => ByteString;
  /**
   * `a == b` (and Renoise's `rawequal`) for two userdata of this class;
   * default: the same JS object. Lets several JS wrappers of one thing (for
   * example two wrappers of one connection) compare equal while staying
   * distinct userdata (distinct table keys).
   */
  equals?: (self: T, other: T) => boolean;
  /**
   * Properties whose values Lua may keep (per object) after reading them
   * once, until the host calls `LuaVm.flushValueCache()`: for hot reads.
   * The host must flush whenever such a value may have changed (see
   * `LuaVm.setValueCacheCheck`).
   */
  cached?: readonly string[];
  /**
   * Properties whose value never changes for an object (a parameter's
   * range, a device's name): Lua keeps each after its first read and reads
   * it again without calling the host (until the host empties the store
   * with `flushKept(bridge)`, when it reads it once more). Never for a
   * value the host could change later.
   */
  constant?: readonly string[];
  /**
   * Sequence properties (a song's tracks, a device's parameters) whose
   * items change only when the host says so: Lua keeps a copy of the first
   * table read per object and answers each later read with a fresh copy of
   * it (a new table each time, holding the same values), without calling
   * the host, until the host calls `flushKept(bridge)` (kept-store.ts). The host must
   * flush whenever such a list may have changed (see
   * `LuaVm.setValueCacheCheck`). Values are kept per userdata with weak
   * keys: what Lua kept for an object goes when Lua drops the object.
   */
  keptLists?: readonly string[];
  /**
   * Methods answering item `i` of a kept list (`{ track: "tracks" }`: a
   * song's `track(i)` is `tracks[i]`), each list one of {@link keptLists}:
   * when `i` indexes an item of the list Lua keeps for the object (a whole
   * number within 1..#list), Lua answers with that item without calling the
   * host (reading the list first when it has none kept); for any other
   * argument it calls the method, which raises as it always did. Only for
   * methods whose answer for such an `i` is exactly the list's item `i`.
   */
  keptItems?: Readonly<Record<string, string>>;
  /** Lua `<` and `<=` between two userdata of this class: negative, 0 or positive. */
  compare?: (self: T, other: T) => number;
}

/** A class defined with `LuaVm.defineClass`; pass it to `LuaVm.wrap`. */
export class HostClass<T extends object> implements HostClassSlot {
  private ref = 0;

  /** @internal */
  constructor(
    readonly typeName: string,
    /** Builds the metatable in Lua and returns its registry ref (run once, on first use). */
    private build: (() => number) | undefined,
    /** @internal see {@link HostClassSpec.equals} */
    readonly equals?: (a: object, b: object) => boolean,
  ) {}

  private key: bigint | undefined;

  /** @internal {@link mtRef} as a `lua_Integer` (building the metatable on first use) */
  get mtKey(): bigint {
    return (this.key ??= BigInt(this.mtRef));
  }

  /**
   * @internal registry ref of the metatable. Built when the first object of
   * the class goes to Lua: a binding defines many classes a tool may never
   * meet (every view type, every song object), and each costs a few dozen
   * host closures.
   */
  get mtRef(): number {
    const build = this.build;
    if (build !== undefined) {
      this.ref = build();
      this.build = undefined;
    }
    return this.ref;
  }

  /** @internal marker keeping T in the type. */
  declare readonly _instance?: T;
}

/**
 * Returns the class handle of a host class; its metatable (see helpers.ts
 * `make_class`) is built when the first object of the class is pushed.
 *
 * @internal use `LuaVm.defineClass`.
 */
export function defineHostClass<T extends object>(bridge: LuaBridge, spec: HostClassSpec<T>): HostClass<T> {
  const typeName = spec.typeName;
  const holder: { cls?: HostClass<T> } = {};
  const selfOf = (v: LuaValue, member: string): T => {
    if (holder.cls && bridge.classOf(v) === holder.cls) return v as T;
    const got = v === undefined ? "nil" : v instanceof LuaRef ? v.type : typeof v;
    throw new LuaRaise(
      `bad argument #1 to '${member}' (${typeName} expected, got ${got}); call it as object:${member}(...)`,
    );
  };

  /** `selfOf` of the value at index 1 of a raw host function's stack. */
  const selfAt = (L: LuaState, member: string): T => {
    if (bridge.c._lua_type(L, 1) === T_USERDATA) {
      // A callback's socket is an alias of its object (see LuaBridge.pushAlias).
      const entry = bridge.userdataOrAliasEntryAt(L, 1);
      if (entry !== undefined && holder.cls && entry.cls === holder.cls) return entry.obj as T;
    }
    return selfOf(bridge.toJs(L, 1, true), member);
  };

  const equals = spec.equals ? classEquals(bridge, holder, spec.equals) : undefined;
  // The members as defined now (a caller changing its spec later changes nothing; a frozen table cannot change).
  const members = new ClassMembers(typeName, spec);
  for (const [m, list] of Object.entries(spec.keptItems ?? {})) {
    if (!spec.methods?.[m] || !spec.keptLists?.includes(list)) {
      throw new Error(`defineClass ${typeName}: keptItems ${m} needs a method ${m} and a kept list ${list}`);
    }
  }

  // The Lua-facing closures are made with the metatable, when the first
  // object of the class goes to Lua: most classes a binding defines never do.
  const build = (): number => {
    const fns = hostFunctions(members, selfOf, selfAt, equals);
    const fromTemplate = keepsValues(members) ? undefined : bridge.claimTemplateClass(typeName, hostClassShape(members));
    if (fromTemplate !== undefined) {
      // The VM template built this metatable (see TemplateClass): point its closures at this VM's functions.
      orderedFunctions(typeName, fns).forEach(([fn, raw], i) => bridge.rebindFunction(fromTemplate.fnIds[i]!, fn, raw));
      return fromTemplate.ref;
    }
    const { methods, getters, setters, same, tostringFn, lt, le, info } = fns;
    const L = bridge.current;
    // Methods answered from a kept list are called by a Lua function (helpers.ts ITEM_SOURCE): their errors name its caller.
    const itemLists = members.keptItems;
    const plain = itemLists ? Object.fromEntries(Object.entries(methods).filter(([n]) => !(n in itemLists))) : methods;
    const items = itemLists ? Object.fromEntries(Object.entries(methods).filter(([n]) => n in itemLists)) : undefined;
    const tables = [
      bridge.namedFunctions(plain, `${typeName}:`, 1),
      bridge.namedFunctions(getters, `${typeName}.`, 2, true),
      bridge.namedFunctions(setters, `${typeName}.`, 2, true),
      ...(items ? [bridge.namedFunctions(items, `${typeName}:`, 2), bridge.namedFunctions(items, `${typeName}:`, NO_WHERE)] : []),
    ];
    let mt: LuaValue;
    let holderRef: LuaRef | undefined;
    let keptStoreRef: LuaRef | undefined;
    try {
      const cached = spec.cached?.length ? Object.fromEntries(spec.cached.map((n) => [n, true])) : undefined;
      holderRef = cached ? bridge.valueCacheHolder() : undefined;
      const kept = keptKinds(members);
      keptStoreRef = kept ? keptStore(bridge) : undefined;
      [mt] = bridge.callHelper("make_class", [
        typeName,
        tables[0],
        tables[1],
        tables[2],
        tostringFn,
        same,
        info,
        lt,
        le,
        cached,
        holderRef,
        kept,
        keptStoreRef,
        itemLists ? { ...itemLists } : undefined,
        tables[3],
        tables[4],
      ]);
    } finally {
      for (const t of tables) t.release();
      holderRef?.release();
      keptStoreRef?.release();
    }
    if (!(mt instanceof LuaRef)) throw new Error("make_class did not return a table");
    // Add __gc (frees the JS side when Lua collects the userdata).
    const c = bridge.c;
    c._lua_rawgeti(L, REGISTRY, BigInt(mt.ref));
    bridge.bytes.push(L, "__gc");
    bridge.pushGcFunction(L);
    c._lua_rawset(L, -3);
    c._lua_settop(L, -2);
    return mt.ref;
  };
  holder.cls = new HostClass<T>(typeName, build, equals);
  return holder.cls;
}

/** A where level past any stack: errors raised there name no position (`luaL_where` gives ""). */
const NO_WHERE = 0x7fffffff;

/** `make_class`'s `kept` argument: 1 for each constant property, 2 for each kept list; undefined when none. */
function keptKinds<T extends object>(spec: HostClassSpec<T>): Record<string, 1 | 2> | undefined {
  if (!spec.constant?.length && !spec.keptLists?.length) return undefined;
  const kinds: Record<string, 1 | 2> = {};
  for (const n of spec.constant ?? []) kinds[n] = 1;
  for (const n of spec.keptLists ?? []) kinds[n] = 2;
  return kinds;
}

/** Whether Lua keeps values of the class (cached, constant or kept lists): such classes are not templated. */
function keepsValues<T extends object>(spec: HostClassSpec<T>): boolean {
  return Boolean(spec.cached?.length || spec.constant?.length || spec.keptLists?.length);
}

/**
 * A copy of a spec's member table, or the table itself when it is frozen
 * (V8 copies a large table made key by key slowly: tens of µs for a
 * class of 30 properties, at every tool load).
 */
function snapshot<V>(table: Record<string, V> | undefined): Record<string, V> {
  if (table === undefined) return {};
  // Copied by a builtin, not a spread literal (whose site V8 may come to allocate old: see core/site-free.ts).
  return Object.isFrozen(table) ? table : Object.fromEntries(Object.entries(table));
}

/**
 * A class's members as defined when the class was (see `defineClass`): a
 * class instance, not an object literal, so that V8 never allocates it in
 * the old generation by the history of a literal's site; its closures hold
 * on to their VM's world (see core/site-free.ts).
 */
class ClassMembers<T extends object> implements HostClassSpec<T> {
  readonly methods: Record<string, (self: T, ...args: LuaValue[]) => HostResult>;
  readonly properties: Record<string, HostProperty<T>>;
  readonly tostring: HostClassSpec<T>["tostring"];
  readonly equals: HostClassSpec<T>["equals"];
  readonly cached: HostClassSpec<T>["cached"];
  readonly constant: HostClassSpec<T>["constant"];
  readonly keptLists: HostClassSpec<T>["keptLists"];
  readonly keptItems: HostClassSpec<T>["keptItems"];
  readonly compare: HostClassSpec<T>["compare"];

  constructor(
    readonly typeName: string,
    spec: HostClassSpec<T>,
  ) {
    this.methods = snapshot(spec.methods);
    this.properties = snapshot(spec.properties);
    this.tostring = spec.tostring;
    this.equals = spec.equals;
    this.cached = spec.cached;
    this.constant = spec.constant;
    this.keptLists = spec.keptLists;
    this.keptItems = spec.keptItems;
    this.compare = spec.compare;
  }
}

/**
 * A host class's metatable built in a VM template, with placeholder host
 * functions: a VM defining a class of the same type name and
 * {@link hostClassShape} takes it (once per VM) and points the functions at
 * its own, instead of building the metatable and its closures again.
 *
 * @internal
 */
export interface TemplateClass {
  /** {@link hostClassShape} of the class. */
  readonly shape: string;
  /** Registry ref of the metatable. */
  readonly ref: number;
  /** Host function ids of the metatable's closures, in {@link orderedFunctions} order. */
  readonly fnIds: readonly number[];
}

/**
 * What a class's metatable depends on besides its functions' bodies: type
 * name, method and property names (with which accessors), which optional
 * metamethods. Two specs of one shape make the same metatable.
 *
 * @internal
 */
export function hostClassShape<T extends object>(spec: HostClassSpec<T>): string {
  // Names are joined with NUL and sections marked with \u0001, which no member name holds.
  let shape = `${spec.typeName}\u0001${spec.tostring ? "t" : ""}${spec.equals ? "e" : ""}${spec.compare ? "c" : ""}${spec.cached?.length ? "k" : ""}${spec.constant?.length ? "K" : ""}${spec.keptLists?.length ? "L" : ""}\u0001`;
  for (const n of Object.keys(spec.methods ?? {})) shape += `\0${n}`;
  shape += "\u0001";
  const props = spec.properties ?? {};
  for (const n of Object.keys(props)) shape += `\0${n}${props[n]!.get ? "+g" : ""}${props[n]!.set ? "+s" : ""}`;
  return shape;
}

/**
 * The host functions of a class in the order its metatable's closures are
 * made (see `build`), each with whether it is raw and the name its closure
 * gets (undefined: named by `make_class`'s argument position).
 */
function orderedFunctions(
  typeName: string,
  f: ReturnType<typeof hostFunctions>,
): [HostFunction | RawHostFunction, boolean, string | undefined][] {
  const out: [HostFunction | RawHostFunction, boolean, string | undefined][] = [];
  for (const [n, fn] of Object.entries(f.methods)) out.push([fn, false, `${typeName}:${n}`]);
  for (const [n, fn] of Object.entries(f.getters)) out.push([fn, true, `${typeName}.${n}`]);
  for (const [n, fn] of Object.entries(f.setters)) out.push([fn, true, `${typeName}.${n}`]);
  // make_class's arguments, pushed in this order: tostring, __eq, __lt, __le.
  for (const fn of [f.tostringFn, f.same, f.lt, f.le]) if (fn !== undefined) out.push([fn, false, undefined]);
  return out;
}

function unboundMember(typeName: string): never {
  throw new Error(`renoise-sim: a member of the VM template's class ${typeName} ran before a VM defined the class`);
}

/**
 * Builds the metatable of `spec`'s class in a VM template (its members
 * placeholders that raise until a VM binds them) and returns what a VM
 * needs to take it. Classes with `cached`, `constant` or `keptLists` properties are not templated.
 *
 * @internal for `createLuaVm`'s template.
 */
export function buildTemplateClass(bridge: LuaBridge, spec: HostClassSpec<object>): TemplateClass {
  if (keepsValues(spec)) throw new Error(`Lua VM template: class ${spec.typeName} has cached, constant or kept-list properties; it cannot be templated`);
  const unbound = (): never => unboundMember(spec.typeName);
  const placeholder: HostClassSpec<object> = {
    typeName: spec.typeName,
    methods: Object.fromEntries(Object.keys(spec.methods ?? {}).map((n) => [n, unbound])),
    properties: Object.fromEntries(
      Object.entries(spec.properties ?? {}).map(([n, p]) => [n, { ...(p.get ? { get: unbound } : {}), ...(p.set ? { set: unbound } : {}) }]),
    ),
    ...(spec.tostring ? { tostring: unbound } : {}),
    ...(spec.equals ? { equals: unbound } : {}),
    ...(spec.compare ? { compare: unbound } : {}),
  };
  const first = bridge.snapshotState().nextFnId;
  const cls = defineHostClass(bridge, placeholder);
  const ref = cls.mtRef;
  const state = bridge.snapshotState();
  const fnIds: number[] = [];
  for (let id = first; id < state.nextFnId; id++) if (state.funcs.has(id)) fnIds.push(id);
  const fns = hostFunctions(placeholder, unbound, unbound, spec.equals ? unbound : undefined);
  const expected = orderedFunctions(spec.typeName, fns);
  const differs = ([, raw, name]: [unknown, boolean, string | undefined], i: number): boolean => {
    const entry = state.funcs.get(fnIds[i]!)!;
    return entry.raw !== raw || (name !== undefined && entry.name !== name);
  };
  if (fnIds.length !== expected.length || expected.some(differs)) {
    throw new Error(`Lua VM template: class ${spec.typeName}: its metatable's closures are not in the expected order`);
  }
  return { shape: hostClassShape(spec), ref, fnIds };
}

/** `a == b` of a class with {@link HostClassSpec.equals}: the same object, or two of the class that `eq` finds equal. */
function classEquals<T extends object>(
  bridge: LuaBridge,
  holder: { cls?: HostClass<T> },
  eq: (self: T, other: T) => boolean,
): (a: object, b: object) => boolean {
  return (a, b) => a === b || (bridge.classOf(a) === holder.cls && bridge.classOf(b) === holder.cls && eq(a as T, b as T));
}

/** The host functions of a class's metatable (see `make_class` in helpers.ts). */
function hostFunctions<T extends object>(
  spec: HostClassSpec<T>,
  selfOf: (v: LuaValue, member: string) => T,
  selfAt: (L: LuaState, member: string) => T,
  equals: ((a: object, b: object) => boolean) | undefined,
) {
  const methods: Record<string, HostFunction> = {};
  for (const [name, m] of Object.entries(spec.methods ?? {})) {
    methods[name] = (...args: LuaValue[]) => m(selfOf(args[0], name), ...args.slice(1));
  }
  // Properties are the hot path (every obj.x from Lua): raw host functions
  // reading self and the value off the stack, no argument array.
  const getters: Record<string, RawHostFunction> = {};
  const setters: Record<string, RawHostFunction> = {};
  for (const [name, prop] of Object.entries(spec.properties ?? {})) {
    const { get, set } = prop;
    const full = `${spec.typeName}.${name}`;
    if (get) getters[name] = (L, bridge) => bridge.returnResult(L, get(selfAt(L, name)), full);
    if (set) {
      setters[name] = (L, bridge) => {
        const self = selfAt(L, name);
        // A number (what most writes carry) in one call less than toJs: an integer's double is what toJs gives.
        const c = bridge.c;
        set(self, c._lua_type(L, 2) === T_NUMBER ? c._lua_tonumberx(L, 2, 0) : bridge.toJs(L, 2, true));
        return bridge.returnResult(L, undefined, full);
      };
    }
  }
  const same: HostFunction = equals
    ? (a, b) => typeof a === "object" && typeof b === "object" && a !== null && b !== null && equals(a, b)
    : (a, b) => a === b;
  const toString = spec.tostring;
  const tostringFn: HostFunction | undefined = toString
    ? (self: LuaValue) => toString(selfOf(self, "__tostring"))
    : undefined;
  const cmp = spec.compare;
  const order = (a: LuaValue, b: LuaValue): number => {
    const x = selfOf(a, "__lt");
    const y = selfOf(b, "__lt");
    return cmp!(x, y);
  };
  const lt: HostFunction | undefined = cmp ? (a, b) => order(a, b) < 0 : undefined;
  const le: HostFunction | undefined = cmp ? (a, b) => order(a, b) <= 0 : undefined;
  const info = {
    methods: Object.keys(methods).sort(),
    properties: Object.keys(spec.properties ?? {}).sort(),
  };
  return { methods, getters, setters, same, tostringFn, lt, le, info };
}
