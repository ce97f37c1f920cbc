import { text, toText } from "../core/bytes.js";
import { flushKept } from "../lua/kept-store.js";
import { LuaRaise, LuaRef, type HostClass, type HostResult, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import { layoutEpoch, modelDefOf, modelEpoch, ModelObject, type ModelDef } from "../renoise/document/model.js";
import { ObservableList } from "../renoise/document/observable-list.js";
import { ObservableValue } from "../renoise/document/observable-value.js";
import { Observable, ObservableBang, splitNotifier, type NotifierEntry } from "../renoise/document/observable.js";
import { IDENT_LUA } from "./lua/ident.js";
import { releaseAll, type LuaTables } from "./tables.js";

/** The model's classes bound into one VM. @internal */
export interface ModelBinding {
  /** Removes every notifier this VM added to the model (the tool unloads). */
  close(): void;
  /** Converts a model value for Lua (strings to bytes, arrays to tables). */
  out(v: unknown): LuaInput;
  /** Converts a Lua value for the model (bytes to text, tables to arrays). */
  in(v: LuaValue): unknown;
}

const isLuaFn = (v: unknown): boolean => v instanceof LuaRef && v.type === "function";

/**
 * Binds every model class (objects of classes declared with `defineModel`,
 * and observables) into a VM at once, through the VM's class resolver: the
 * first time an object of a class crosses into Lua, its host class is built
 * from the class's definition. The same TypeScript object is the same Lua
 * userdata while Lua holds it.
 *
 * @internal
 */
export function bindModels(vm: LuaVm, tables: LuaTables, now: () => number = () => 0): ModelBinding {
  const classes = new Map<ModelDef | string, HostClass<object>>();
  const [identValue] = vm.run(IDENT_LUA, "=[renoise-sim ident]");
  if (!(identValue instanceof LuaRef)) throw new Error("ident chunk did not return a function");
  const identFn: LuaRef = identValue;
  const keys = new Map<number, object>();
  const ours = new Set<NotifierEntry>();
  const touched = new Set<Observable>();

  function key(v: LuaValue): unknown {
    if (!(v instanceof LuaRef)) return v;
    const id = identFn.call(v)[0] as number;
    let k = keys.get(id);
    if (!k) keys.set(id, (k = { id }));
    return k;
  }

  function out(v: unknown): LuaInput {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return outList(v);
    if (v === null) return undefined;
    if (typeof v === "object" && v !== undefined && Object.getPrototypeOf(v) === Object.prototype) {
      const o: Record<string, LuaInput> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) o[k] = out(x);
      return o;
    }
    return v;
  }

  /**
   * A list for Lua: the list itself while no item needs converting (model
   * objects, numbers, booleans: the push only reads it), else a converted copy.
   */
  function outList(v: unknown[]): LuaInput {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === "string" || x === null || (typeof x === "object" && !(x instanceof ModelObject))) return v.map(out);
    }
    return v;
  }

  function inp(v: LuaValue, depth = 0): unknown {
    if (typeof v === "string") return toText(v);
    if (v instanceof LuaRef && v.type === "table" && depth < 2) {
      // A sequence becomes an array; a table with only string keys a plain object ({time = 1, value = 0.5}).
      const { items, fields } = tables.record(v);
      try {
        if (items.length === 0 && fields.length > 0) {
          const o: Record<string, unknown> = {};
          for (const [k, x] of fields) o[toText(k as string)] = inp(x, depth + 1);
          return o;
        }
        return items.map((x) => inp(x, depth + 1));
      } finally {
        releaseAll(items);
        for (const [, x] of fields) if (x instanceof LuaRef) x.release();
      }
    }
    return v;
  }

  const raise = (e: unknown): never => {
    if (e instanceof Error && !(e instanceof LuaRaise) && e.name !== "LuaError") throw new LuaRaise(e.message);
    throw e;
  };

  function notifierArgs(call: string, args: LuaValue[]): { fn: LuaRef; obj: LuaValue } {
    let [a, b] = args;
    let tableItems: LuaValue[] | undefined;
    if (args.length === 1 && a instanceof LuaRef && a.type === "table") {
      tableItems = tables.seq(a);
      [a, b] = tableItems;
    }
    const r = args.length <= 2 ? splitNotifier(a, b, isLuaFn) : undefined;
    if (!r) {
      if (tableItems) releaseAll(tableItems);
      throw new LuaRaise(
        `bad argument #1 to '${call}' (function, (object, function), (function, object) or {object, function} expected)`,
      );
    }
    return { fn: r[0] as LuaRef, obj: r[1] as LuaValue };
  }

  const observableMethods = {
    add_notifier: (self: Observable, ...args: LuaValue[]): HostResult => {
      const { fn, obj } = notifierArgs("add_notifier", args);
      const fnKey = key(fn);
      const objKey = obj === undefined ? undefined : key(obj);
      if (self.indexOf(fnKey, objKey) >= 0) {
        throw new LuaRaise("add_notifier: the notifier was already added (test has_notifier() first)");
      }
      fn.retain();
      if (obj instanceof LuaRef) obj.retain();
      const entry: NotifierEntry = {
        fn: fnKey,
        obj: objKey,
        call:
          obj === undefined
            ? (a) => releaseAll(fn.call(...a.map(out)))
            : (a) => releaseAll(fn.call(obj, ...a.map(out))),
        release: () => {
          ours.delete(entry);
          fn.release();
          if (obj instanceof LuaRef) obj.release();
        },
      };
      ours.add(entry);
      touched.add(self);
      self.addEntry(entry);
    },
    remove_notifier: (self: Observable, ...args: LuaValue[]): HostResult => {
      const [a] = args;
      if (args.length === 1 && !isLuaFn(a) && !(a instanceof LuaRef && a.type === "table" && isNotifierTable(a))) {
        self.removeObject(key(a));
        return;
      }
      const { fn, obj } = notifierArgs("remove_notifier", args);
      const fnKey = key(fn);
      const objKey = obj === undefined ? undefined : key(obj);
      if (self.indexOf(fnKey, objKey) < 0) {
        throw new LuaRaise("remove_notifier: the notifier was not added (test has_notifier() first)");
      }
      self.removeEntry(fnKey, objKey);
    },
    has_notifier: (self: Observable, ...args: LuaValue[]): HostResult => {
      const { fn, obj } = notifierArgs("has_notifier", args);
      return self.indexOf(key(fn), obj === undefined ? undefined : key(obj)) >= 0;
    },
  };

  function isNotifierTable(t: LuaRef): boolean {
    const items = tables.seq(t);
    try {
      return items.length === 2 && (isLuaFn(items[0]) || isLuaFn(items[1]));
    } finally {
      releaseAll(items);
    }
  }

  function observableClass(obj: Observable): HostClass<object> {
    const name =
      obj instanceof ObservableValue
        ? obj.typeName
        : obj instanceof ObservableList
          ? "ObservableList"
          : obj instanceof ObservableBang
            ? "ObservableBang"
            : "Observable";
    let cls = classes.get(name);
    if (cls) return cls;
    const methods: Record<string, (self: never, ...args: LuaValue[]) => HostResult> = { ...observableMethods };
    const properties: Record<string, { get?: (s: never) => LuaInput; set?: (s: never, v: LuaValue) => void }> = {};
    if (obj instanceof ObservableBang) methods.bang = (self: ObservableBang) => self.bang();
    if (obj instanceof ObservableValue) {
      properties.value = {
        get: (self: ObservableValue<"string">) => out(self.value),
        set: (self: ObservableValue<"string">, v) => {
          try {
            self.value = inp(v) as string;
          } catch (e) {
            raise(e);
          }
        },
      };
      methods.to_string = (self: ObservableValue<"string">) => out(self.to_string());
      methods.from_string = (self: ObservableValue<"string">, s) => out(self.from_string(toText(s as string)));
    }
    if (obj instanceof ObservableList) methods.size = (self: ObservableList<unknown>) => self.size();
    cls = vm.defineClass<object>({ typeName: name, methods, properties, tostring: () => text(name) } as never);
    classes.set(name, cls);
    return cls;
  }

  // Values Lua keeps (PropDef.luaCache): valid while the model and virtual time stand still.
  let dirty = false;
  let filled = false;
  let epochAtFill = 0;
  let timeAtFill = 0;
  // Lists Lua keeps (PropDef.luaKeep "layout"): valid while no list's layout changed.
  let listsDirty = false;
  let listsFilled = false;
  let layoutAtFill = 0;
  vm.setValueCacheCheck(() => {
    if (dirty && (modelEpoch.n !== epochAtFill || now() !== timeAtFill)) {
      vm.flushValueCache();
      dirty = false;
    }
    if (filled) {
      filled = false;
      if (!dirty) {
        dirty = true;
        epochAtFill = modelEpoch.n;
        timeAtFill = now();
      }
    }
    if (listsDirty && layoutEpoch.n !== layoutAtFill) {
      flushKept(vm.bridge);
      listsDirty = false;
    }
    if (listsFilled) {
      listsFilled = false;
      if (!listsDirty) {
        listsDirty = true;
        layoutAtFill = layoutEpoch.n;
      }
    }
  });

  function modelClass(def: ModelDef): HostClass<object> {
    let cls = classes.get(def);
    if (cls) return cls;
    const properties: Record<string, { get?: (s: never) => LuaInput; set?: (s: never, v: LuaValue) => void }> = {};
    const cached: string[] = [];
    const constant: string[] = [];
    const keptLists: string[] = [];
    const keptItems: Record<string, string> = {};
    for (const [name, p] of Object.entries(def.props)) {
      if (p.tsOnly) continue;
      if (p.luaCache) cached.push(name);
      if (p.luaKeep === "constant") constant.push(name);
      if (p.luaKeep === "layout") keptLists.push(name);
      if (p.luaKeep === "layout" && p.luaItem !== undefined) keptItems[p.luaItem] = name;
      properties[name] = {
        get: p.luaCache
          ? (self: Record<string, unknown>) => {
              filled = true;
              return out(self[name]);
            }
          : p.luaKeep === "layout"
            ? (self: Record<string, unknown>) => {
                listsFilled = true;
                return out(self[name]);
              }
            : (self: Record<string, unknown>) => out(self[name]),
        ...(p.readonly
          ? {}
          : {
              set: (self: Record<string, unknown>, v: LuaValue) => {
                try {
                  self[name] = inp(v);
                } catch (e) {
                  raise(e);
                }
              },
            }),
      };
    }
    const methods: Record<string, (self: never, ...args: LuaValue[]) => HostResult> = {};
    for (const m of def.methods) {
      methods[m] = (self: Record<string, (...a: unknown[]) => unknown>, ...args: LuaValue[]) => {
        try {
          return out(self[m]!(...args.map((a) => inp(a))));
        } catch (e) {
          return raise(e);
        }
      };
    }
    for (const [k, get] of Object.entries(def.notifiers ?? {})) {
      const on = (m: keyof typeof observableMethods) => (self: never, ...args: LuaValue[]) => observableMethods[m](get(self), ...args);
      methods[`add_${k}_notifier`] = on("add_notifier");
      methods[`remove_${k}_notifier`] = on("remove_notifier");
      methods[`has_${k}_notifier`] = on("has_notifier");
    }
    const { tostring, equals, compare } = def;
    cls = vm.defineClass<object>({
      typeName: def.typeName,
      properties,
      methods,
      ...(cached.length ? { cached } : {}),
      ...(constant.length ? { constant } : {}),
      ...(keptLists.length ? { keptLists } : {}),
      ...(Object.keys(keptItems).length ? { keptItems } : {}),
      ...(tostring ? { tostring: (s: object) => text(tostring(s)) } : {}),
      ...(equals ? { equals } : {}),
      ...(compare ? { compare } : {}),
    } as never);
    classes.set(def, cls);
    return cls;
  }

  vm.setClassResolver((obj) => {
    if (obj instanceof ModelObject) {
      const def = modelDefOf(obj);
      return def ? modelClass(def) : undefined;
    }
    if (obj instanceof Observable) return observableClass(obj);
    return undefined;
  });

  return {
    out,
    in: (v) => inp(v),
    close() {
      vm.setValueCacheCheck(undefined);
      for (const o of touched) o.clearNotifiers((e) => ours.has(e));
      touched.clear();
      identFn.release();
    },
  };
}
