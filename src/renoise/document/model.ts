/**
 * A declarative kit for the model's classes (Transport, Track, Device...):
 * each class lists its properties once — type, range, read-only, observable —
 * and gets checked accessors in TypeScript, Renoise-like errors, `song.set`
 * trace records and `*_observable`s. The Lua binding (src/tool/model-binding.ts)
 * reads the same definition, so a class is declared once for both views.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- property callbacks take each class's own value types */
import { Observable, type NotifyDispatch } from "./observable.js";

/** A misuse of the model API (wrong type, out of range, read-only, bad index). Raised into Lua as a Lua error. */
export class ModelError extends Error {
  override name = "ModelError";
}

/** What a model needs from its driver: where changes and calls are recorded, and how notifiers run. */
export interface ModelContext {
  /** A property changed (`song.set`). `path` is like "transport.bpm" or "tracks[2].name". */
  changed(path: string, old: unknown, value: unknown): void;
  /** A method with effects was called (`song.call`), e.g. "transport.start". */
  called(path: string, args: readonly unknown[]): void;
  /**
   * False while `changed` and `called` would record nothing (the trace is
   * off): the model then does not build their paths. Default: always true.
   */
  recording?(): boolean;
  /** Virtual time in ms (playback runs on it); default: always 0. */
  now?(): number;
  /** Where notifications are delivered; default: at once. */
  readonly dispatch?: NotifyDispatch;
  /** A pattern line changed (summarised in the trace as `song.lines`); `pattern` and `track` are the model objects. */
  lineWritten?(pattern: object, track: object, line: number): void;
  /** Writes pending summaries (called at the end of each callback). */
  flush?(): void;
}

/** The type of a property as Lua sees it. */
export type PropType = "boolean" | "number" | "integer" | "string" | "object" | "table";

/** How one property behaves. */
export interface PropDef<T = any> {
  type: PropType;
  /** Inclusive range of numbers. */
  min?: number;
  max?: number;
  /** Range text shown in errors when min/max depend on the object (e.g. "1 - #sequence"). */
  range?: (self: T) => [number, number];
  /** nil / undefined is a valid value too. */
  nullable?: boolean;
  /** No setter (Lua raises "read-only"). */
  readonly?: boolean;
  /** Adds `<name>_observable`, notified after each change. */
  observable?: boolean;
  /** Computed getter (nothing stored). */
  get?: (self: T) => unknown;
  /** Custom setter (after type/range checks); it stores and records (see {@link ModelObject.store}). */
  set?: (self: T, value: any) => void;
  /** Further validation: returns an error text, or undefined if fine. */
  check?: (self: T, value: any) => string | undefined;
  /** For "object": the class instances must belong to (error shows its type name). */
  cls?: abstract new (...args: any[]) => object;
  /** Not bound into Lua (TypeScript-only helper property). */
  tsOnly?: boolean;
  /**
   * Lua may keep the value it read until the model changes ({@link modelEpoch})
   * or virtual time moves: for hot reads such as `transport.playback_pos`.
   * Only for values that change through the model's own setters and calls.
   */
  luaCache?: boolean;
  /**
   * What Lua may keep of this property, read once, without asking again:
   * - `"constant"`: the value (read again at most after a layout change):
   *   only for values that can never change for the object (a parameter's
   *   `value_min`, a device's `name`, the song's `transport`);
   * - `"layout"`: a list (copied: each read still gives Lua a new table)
   *   until any list's layout changes ({@link layoutEpoch}): only for lists
   *   that change through `ObservableList`'s insert/remove/swap (or never),
   *   or whose every change moves {@link layoutEpoch} itself
   *   ({@link ModelObject._layoutChanged}: an instrument's samples, a
   *   sample device chain's devices).
   */
  luaKeep?: "constant" | "layout";
  /**
   * For a list Lua keeps (`luaKeep: "layout"`): the class's method whose
   * answer for a whole number i within 1..#list is the list's item i (a
   * song's `track(i)` for `tracks`). Lua answers such calls from the list
   * it keeps, and calls the method for any other argument.
   */
  luaItem?: string;
}

/** A model class's definition, read by the Lua binding. */
export interface ModelDef {
  /** What Lua's `type()` says, e.g. "Transport" (Renoise: renoise.Transport). */
  typeName: string;
  props: Record<string, PropDef>;
  /** Names of methods bound into Lua as they are (arguments: numbers, strings, booleans, model objects, arrays). */
  methods: string[];
  /** `tostring()` in Lua. */
  tostring?: (self: any) => string;
  /** Lua `==` between two distinct objects (value types like SongPos). */
  equals?: (a: any, b: any) => boolean;
  /** Lua `<` / `<=` (value types like SongPos): negative, 0 or positive. */
  compare?: (a: any, b: any) => number;
  /**
   * Notifier lists exposed as methods, Renoise-style: key "line" gives
   * `add_line_notifier`, `remove_line_notifier`, `has_line_notifier`
   * working on the returned observable (all of Renoise's notifier forms).
   */
  notifiers?: Record<string, (self: any) => Observable>;
}

const DEF = Symbol.for("renoise-sim.modelDef");

/**
 * Counts changes to any model (stores, notifications, calls, list changes,
 * playback). Lua bindings that let Lua keep hot values (PropDef.luaCache)
 * flush them when it moved.
 */
export const modelEpoch = { n: 0 };

/**
 * Counts layout changes of any `ObservableList` (an item inserted,
 * removed or swapped): Lua bindings that keep lists (PropDef.luaKeep
 * "layout") flush them when it moved.
 */
export const layoutEpoch = { n: 0 };

/** The definition of a model object's class, if it has one. */
export function modelDefOf(obj: object): ModelDef | undefined {
  return (obj.constructor as { [DEF]?: ModelDef })[DEF];
}

/**
 * The base of every model object: property values, lazily created
 * observables, the owner (for trace paths and the context).
 */
export abstract class ModelObject {
  /** @internal property values */
  declare _v: Record<string, unknown>;
  /** @internal observables, created on first use */
  declare _o: Record<string, Observable> | undefined;
  /** @internal owner in the song tree */
  declare _owner: ModelObject | undefined;
  /** @internal the driver's context (set on the root) */
  declare _ctx: ModelContext | undefined;

  constructor() {
    // Assigned here rather than as class fields: every model class runs this
    // one constructor, and field definitions at such a many-shaped site cost
    // ~1 µs per object in V8 (a pattern walk makes one line view per line).
    this._v = {};
    this._o = undefined;
    this._owner = undefined;
    this._ctx = undefined;
  }

  /** @internal the path of this object from the song, e.g. "tracks[2]"; "" for the root. */
  _path(): string {
    return "";
  }

  /** @internal the context of the tree this object is in. */
  _context(): ModelContext | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let o: ModelObject | undefined = this;
    while (o) {
      if (o._ctx) return o._ctx;
      o = o._owner;
    }
    return undefined;
  }

  /** @internal the path of a member, e.g. "transport.bpm". */
  _member(name: string): string {
    const p = this._path();
    return p ? `${p}.${name}` : name;
  }

  /** @internal the observable of a property/event (created on first use). */
  _observable(name: string): Observable {
    const all = (this._o ??= {});
    let o = all[name];
    if (!o) {
      o = new Observable();
      const d = this._context()?.dispatch;
      if (d) o.dispatch = d;
      all[name] = o;
    }
    return o;
  }

  /** @internal notifies an observable only if someone created it. */
  _notify(name: string, ...args: unknown[]): void {
    modelEpoch.n++;
    const o = this._o?.[name];
    if (o?.entries) o.notify(...args);
  }

  /**
   * @internal a list property Lua keeps (`luaKeep: "layout"`) that is a
   * plain array, not an `ObservableList`, changed its items: moves
   * {@link layoutEpoch} (as an `ObservableList` change does) and notifies
   * `<name>_observable`.
   */
  _layoutChanged(name: string): void {
    layoutEpoch.n++;
    this._notify(name);
  }

  /**
   * @internal stores a property value: records `song.set` and notifies
   * `<name>_observable` when it changed. Returns true if it changed.
   */
  store(name: string, value: unknown, notify = true): boolean {
    const old = this._v[name];
    if (old === value) return false;
    modelEpoch.n++;
    this._v[name] = value;
    const ctx = this._context();
    if (ctx !== undefined && ctx.recording?.() !== false) ctx.changed(this._member(name), old, value);
    if (notify) this._notify(name);
    return true;
  }

  /** @internal records a `song.call` event. */
  _called(method: string, args: readonly unknown[]): void {
    modelEpoch.n++;
    const ctx = this._context();
    if (ctx !== undefined && ctx.recording?.() !== false) ctx.called(this._member(method), args);
  }
}

function typeText(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (Array.isArray(v)) return "table";
  if (typeof v === "object") return modelDefOf(v)?.typeName ?? "table";
  return typeof v;
}

/** Formats a number as Renoise prints it in errors. */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** Checks a value against a property definition; returns an error text or undefined. */
export function checkProp(def: PropDef, self: object, typeName: string, name: string, value: unknown): string | undefined {
  if (value === undefined && def.nullable) return def.check?.(self, value);
  const want = def.type === "integer" ? "number" : def.type === "table" ? "table" : def.type;
  const got = typeText(value);
  const okType =
    want === "object"
      ? typeof value === "object" && value !== null && (!def.cls || value instanceof def.cls)
      : want === "table"
        ? Array.isArray(value)
        : typeof value === want;
  if (!okType) {
    const expected = want === "object" ? (def.cls ? (modelDefOfClass(def.cls)?.typeName ?? def.cls.name) : "object") : want;
    return `bad argument to property '${name}' of an object of type '${typeName}': ${expected} expected, got ${got}`;
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) return `invalid value for property '${name}' of an object of type '${typeName}': nan`;
    if (def.type === "integer" && !Number.isInteger(value)) {
      return `invalid value for property '${name}' of an object of type '${typeName}': ${num(value)} is not a whole number`;
    }
    const [min, max] = def.range ? def.range(self) : [def.min, def.max];
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      return `invalid value for property '${name}' of an object of type '${typeName}': ${num(value)} is out of range (${min === undefined ? "-inf" : num(min)} - ${max === undefined ? "inf" : num(max)})`;
    }
  }
  return def.check?.(self, value);
}

function modelDefOfClass(cls: abstract new (...args: any[]) => object): ModelDef | undefined {
  return (cls as unknown as { [DEF]?: ModelDef })[DEF];
}

/**
 * Declares a model class: installs a checked accessor for each property and
 * `<name>_observable` getters on its prototype, and records the definition for
 * the Lua binding. Declare the properties in the class with `declare name: T;`.
 *
 * ```ts
 * export class Transport extends ModelObject { declare bpm: number; declare bpm_observable: Observable; }
 * defineModel(Transport, { typeName: "Transport", props: { bpm: { type: "number", min: 32, max: 999, observable: true } } });
 * ```
 */
export function defineModel<T extends ModelObject>(
  cls: abstract new (...args: any[]) => T,
  def: { typeName: string; props?: Record<string, PropDef<T>>; methods?: string[]; observables?: string[] } & Omit<
    ModelDef,
    "typeName" | "props" | "methods"
  >,
): ModelDef {
  const parent = Object.getPrototypeOf(cls) as { [DEF]?: ModelDef };
  const inherited = Object.prototype.hasOwnProperty.call(parent, DEF) || parent[DEF] ? parent[DEF] : undefined;
  const props: Record<string, PropDef> = { ...(inherited?.props ?? {}) };
  const proto = cls.prototype as object;
  const typeName = def.typeName;
  for (const [name, p] of Object.entries(def.props ?? {})) {
    props[name] = p as PropDef;
    const get = p.get
      ? function (this: T) {
          return p.get!(this);
        }
      : function (this: T) {
          return this._v[name];
        };
    const set = p.readonly
      ? function (this: T) {
          throw new ModelError(`property '${name}' of an object of type '${typeName}' is read-only`);
        }
      : function (this: T, value: unknown) {
          const err = checkProp(p, this, typeName, name, value);
          if (err !== undefined) throw new ModelError(err);
          if (p.set) p.set(this, value);
          else this.store(name, value);
        };
    Object.defineProperty(proto, name, { get, set, configurable: true, enumerable: false });
    if (p.observable) addObservable(proto, props, `${name}_observable`, name);
  }
  for (const o of def.observables ?? []) addObservable(proto, props, o, o.replace(/_observable$/, ""));
  const full: ModelDef = {
    ...inherited,
    ...def,
    props,
    methods: [...(inherited?.methods ?? []), ...(def.methods ?? [])],
  };
  Object.defineProperty(cls, DEF, { value: full, configurable: true });
  return full;
}

function addObservable(proto: object, props: Record<string, PropDef>, name: string, key: string): void {
  props[name] = {
    type: "object",
    readonly: true,
    get: (self: ModelObject) => self._observable(key),
  };
  Object.defineProperty(proto, name, {
    get(this: ModelObject) {
      return this._observable(key);
    },
    configurable: true,
    enumerable: false,
  });
}

/** Throws a ModelError unless `i` is a whole number in 1..n (Renoise's index errors). */
export function checkIndex(what: string, i: unknown, n: number): number {
  if (typeof i !== "number" || !Number.isInteger(i)) {
    throw new ModelError(`${what}: the index must be a whole number, got ${typeText(i)}${typeof i === "number" ? ` ${i}` : ""}`);
  }
  if (i < 1 || i > n) throw new ModelError(`${what}: index ${i} is out of range (1 - ${n})`);
  return i;
}
