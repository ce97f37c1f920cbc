import { text, toText } from "../core/bytes.js";
import { LuaRaise, LuaRef, type HostClass, type HostClassSpec, type HostProperty, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import type { Observable } from "../renoise/document/observable.js";
import type { Dialog } from "../renoise/views/dialog.js";
import type { ViewDriver } from "../renoise/views/driver.js";
import { VIEW_BUILDER_CONSTANTS, VIEW_TYPES, type PropSpec, type ViewTypeSpec } from "../renoise/views/schema.js";
import { ViewBuilder, notifierTarget } from "../renoise/views/view-builder.js";
import { View, ViewError, type XY } from "../renoise/views/view.js";
import { VIEWS_LUA } from "./lua/views.js";
import { bindView } from "./views-bind.js";
import type { LuaTables } from "./tables.js";
import { luaTypeOf, releaseAll } from "./tables.js";

/** The views binding of one tool VM. @internal */
export interface ViewsBinding {
  /** `renoise.ViewBuilder` (callable, with the DEFAULT_* constants). */
  readonly ViewBuilder: LuaRef;
  /** The userdata of a view (wraps it on first use). */
  lua(view: View): View;
  /** Adds a Lua notifier (`fn`, `obj, fn`, `fn, obj` or `{obj, fn}`) to an observable. */
  addNotifier(obs: Observable, call: string, a: LuaValue, b: LuaValue): void;
  removeNotifier(obs: Observable, call: string, a: LuaValue, b: LuaValue): void;
  hasNotifier(obs: Observable, call: string, a: LuaValue, b: LuaValue): boolean;
  /** Splits a Lua notifier into a JS function calling it (retained) — key handlers, MIDI callbacks. */
  callable(call: string, a: LuaValue, b?: LuaValue): ((...args: LuaInput[]) => LuaValue[]) | undefined;
  /** Converts a JS value of the model into Lua (strings to bytes). */
  toLua(v: unknown): LuaInput;
  dialogClass: HostClass<Dialog>;
}

/** Each view class: the first spec of its type and the property names of all specs of the type. */
const VIEW_CLASSES = new Map<string, { spec: ViewTypeSpec; names: Set<string> }>();
for (const spec of VIEW_TYPES.values()) {
  const entry = VIEW_CLASSES.get(spec.type) ?? { spec, names: new Set<string>() };
  for (const n of Object.keys(spec.props)) entry.names.add(n);
  VIEW_CLASSES.set(spec.type, entry);
}

/** What a ViewBuilder's members call in the binding of the VM that made it. */
interface BuilderBinding {
  construct(vb: ViewBuilder, ctor: string, t: LuaValue): View;
  views(vb: ViewBuilder): Record<string, LuaInput>;
}
const builderBindings = new WeakMap<ViewBuilder, BuilderBinding>();

/**
 * `ViewBuilder` as Lua sees it: one constructor method per view type. Made
 * once per process and frozen (defineClass takes it without a copy); each
 * method finds its VM's binding through the builder.
 */
let builderSpec: HostClassSpec<ViewBuilder> | undefined;

function viewBuilderSpec(): HostClassSpec<ViewBuilder> {
  const methods: Record<string, (self: ViewBuilder, ...args: LuaValue[]) => LuaInput> = {};
  for (const ctor of VIEW_TYPES.keys()) methods[ctor] = (vb, t) => builderBindings.get(vb)!.construct(vb, ctor, t);
  return {
    typeName: "ViewBuilder",
    methods: Object.freeze(methods),
    properties: Object.freeze({ views: { get: (vb: ViewBuilder) => builderBindings.get(vb)!.views(vb) } }),
  };
}

/**
 * The views chunk's arguments (see lua/views.ts): the ViewBuilder
 * constants and the table holding `new_builder`.
 *
 * @internal also the tool VM template's (with a placeholder).
 */
export function viewsChunkArgs(newBuilder: () => LuaInput): [Record<string, LuaInput>, Record<string, LuaInput>] {
  return [{ ...VIEW_BUILDER_CONSTANTS }, { new_builder: newBuilder }];
}

/** Refs a binding keeps (notifiers, converters): not released with the call's other values. */
const kept = new WeakSet<LuaRef>();
const keep = (r: LuaRef): LuaRef => {
  kept.add(r);
  return r.retain();
};
/** Releases the refs among `values` that were not kept. */
function releaseUnkept(values: readonly unknown[]): void {
  releaseAll(values.filter((v) => !(v instanceof LuaRef) || !kept.has(v)));
}

const isFn = (v: unknown): v is LuaRef => v instanceof LuaRef && v.type === "function";

/**
 * Binds headless views into a tool VM: `renoise.ViewBuilder()` gives a
 * userdata of type `ViewBuilder` whose constructors (`vb:button{...}`) build
 * views of the TypeScript model (src/renoise/views); each view is a userdata
 * of its Renoise type (`Button`, `Rack`, ...) with its properties, methods
 * and notifiers. Text crosses as UTF-8.
 *
 * @internal
 */
export function bindViews(vm: LuaVm, tables: LuaTables, driver: ViewDriver): ViewsBinding {
  const holder: { ident?: LuaRef; flat?: LuaRef; bind?: LuaRef } = {};
  const ident = (v: LuaValue): number => holder.ident!.call(v)[0] as number;

  const toLua = (v: unknown): LuaInput => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(toLua);
    if (v instanceof View) return lua(v);
    if (v && typeof v === "object") return { ...(v as Record<string, LuaInput>) };
    if (typeof v === "function") return undefined;
    return v as LuaInput;
  };

  const split = (call: string, a: LuaValue, b: LuaValue): [LuaRef, LuaValue] => {
    let fn: LuaValue;
    let obj: LuaValue;
    if (b === undefined && a instanceof LuaRef && a.type === "table") {
      const items = tables.seq(a);
      if (items.length === 2 && (isFn(items[0]) || isFn(items[1]))) {
        [fn, obj] = isFn(items[0]) ? [items[0], items[1]] : [items[1], items[0]];
        releaseAll(items.filter((x) => x !== fn && x !== obj));
        if (obj instanceof LuaRef) keep(obj);
        return [keep(fn as LuaRef), obj];
      }
      releaseAll(items);
      throw new LuaRaise(text(`${call}: a notifier table must be {object, function} or {function, object}`));
    }
    if (b === undefined) [fn, obj] = [a, undefined];
    else if (isFn(a) && !isFn(b)) [fn, obj] = [a, b];
    else [fn, obj] = [b, a];
    if (!isFn(fn)) {
      throw new LuaRaise(
        text(`${call}: a function, (object, function), (function, object) or {object, function} is expected, got ${luaTypeOf(a)}`),
      );
    }
    if (obj instanceof LuaRef) keep(obj);
    return [keep(fn), obj];
  };

  const keyOf = (fn: LuaRef, obj: LuaValue): [number, number | undefined] => [
    ident(fn),
    obj === undefined ? undefined : ident(obj),
  ];

  const addNotifier = (obs: Observable, call: string, a: LuaValue, b: LuaValue): void => {
    const [fn, obj] = split(call, a, b);
    const [kf, ko] = keyOf(fn, obj);
    obs.addEntry({
      fn: kf,
      obj: ko,
      call: (args) => {
        const lua = args.map(toLua);
        if (obj === undefined) fn.call(...lua);
        else fn.call(obj, ...lua);
      },
    });
  };
  const withKey = <T>(call: string, a: LuaValue, b: LuaValue, f: (kf: number, ko: number | undefined) => T): T => {
    const [fn, obj] = split(call, a, b);
    try {
      const [kf, ko] = keyOf(fn, obj);
      return f(kf, ko);
    } finally {
      fn.release();
      if (obj instanceof LuaRef) obj.release();
    }
  };
  const removeNotifier = (obs: Observable, call: string, a: LuaValue, b: LuaValue): void => {
    if (b === undefined && a !== undefined && !isFn(a) && !(a instanceof LuaRef && a.type === "table" && isPair(a))) {
      obs.removeObject(ident(a));
      return;
    }
    withKey(call, a, b, (kf, ko) => obs.removeEntry(kf, ko));
  };
  const isPair = (t: LuaRef): boolean => {
    const items = tables.seq(t);
    const pair = items.length === 2 && (isFn(items[0]) || isFn(items[1]));
    releaseAll(items);
    return pair;
  };
  const hasNotifier = (obs: Observable, call: string, a: LuaValue, b: LuaValue): boolean =>
    withKey(call, a, b, (kf, ko) => obs.indexOf(kf, ko) >= 0);

  const callable = (call: string, a: LuaValue, b?: LuaValue) => {
    if (a === undefined && b === undefined) return undefined;
    const [fn, obj] = split(call, a, b);
    return (...args: LuaInput[]): LuaValue[] => (obj === undefined ? fn.call(...args) : fn.call(obj, ...args));
  };

  /** A Lua value for a property of kind `spec` -> the model's value. */
  const fromLua = (spec: PropSpec, v: LuaValue): unknown => {
    if (typeof v === "string") return spec.kind === "string" || spec.kind === "enum" || spec.kind === "dimension" ? toText(v) : v;
    if (!(v instanceof LuaRef)) return v;
    if (v.type === "function" && spec.kind === "function") {
      const fn = keep(v);
      return (x: unknown) => {
        const [r, ...rest] = fn.call(toLua(x));
        releaseAll(rest);
        if (r instanceof LuaRef) {
          r.release();
          return undefined;
        }
        return typeof r === "string" ? toText(r) : r;
      };
    }
    if (v.type !== "table") return v;
    if (spec.kind === "xy" || spec.kind === "xy?") {
      const [x, y] = [v.get("x"), v.get("y")];
      return { x, y } satisfies Partial<Record<keyof XY, LuaValue>>;
    }
    const items = tables.seq(v);
    const out = items.map((i) => (typeof i === "string" ? toText(i) : i));
    releaseAll(items);
    return out;
  };

  // ----------------------------------------------------------- view classes

  // Defined when the first view of the type goes to Lua (most tools use a few types, many none).
  const classes = new Map<string, HostClass<View>>();
  const viewClass = (type: string): HostClass<View> => {
    let cls = classes.get(type);
    if (cls === undefined) classes.set(type, (cls = defineViewClass(type)));
    return cls;
  };
  const defineViewClass = (type: string): HostClass<View> => {
    const { spec, names } = VIEW_CLASSES.get(type)!;
    const properties: Record<string, HostProperty<View>> = {
      views: { get: (v) => v.children.map(lua) },
    };
    for (const n of names) {
      properties[n] = {
        get: (v) => toLua(v.get(n)),
        set: (v, value) => v.set(n, fromLua(v.spec.props[n]!, value)),
      };
    }
    const methods: Record<string, (self: View, ...args: LuaValue[]) => LuaInput | void> = {
      add_child: (v, c) => v.add_child(viewArg("add_child", c)),
      remove_child: (v, c) => v.remove_child(viewArg("remove_child", c)),
    };
    if (spec.notifier === "value" || spec.notifier === "bitmap") {
      const obs = (v: View) => (v.value_observable ?? v.pressed_observable)!;
      methods.add_notifier = (v, a, b) => addNotifier(obs(v), "add_notifier", a, b);
      methods.remove_notifier = (v, a, b) => removeNotifier(obs(v), "remove_notifier", a, b);
      methods.has_notifier = (v, a, b) => hasNotifier(obs(v), "has_notifier", a, b);
    }
    if (spec.notifier === "button") {
      for (const [kind, get] of [
        ["pressed", (v: View) => v.pressed_observable!],
        ["released", (v: View) => v.released_observable!],
      ] as const) {
        methods[`add_${kind}_notifier`] = (v, a, b) => addNotifier(get(v), `add_${kind}_notifier`, a, b);
        methods[`remove_${kind}_notifier`] = (v, a, b) => removeNotifier(get(v), `remove_${kind}_notifier`, a, b);
        methods[`has_${kind}_notifier`] = (v, a, b) => hasNotifier(get(v), `has_${kind}_notifier`, a, b);
      }
    }
    if (spec.lines) {
      methods.add_line = (v, s) => v.add_line(typeof s === "string" ? toText(s) : (s as never));
      methods.clear = (v) => v.clear();
      methods.scroll_to_first_line = (v) => v.scroll_to_first_line();
      methods.scroll_to_last_line = (v) => v.scroll_to_last_line();
    }
    return vm.defineClass<View>({ typeName: type, properties, methods });
  };

  const lua = (view: View): View => vm.wrap(view, viewClass(view.type));
  const viewArg = (call: string, v: LuaValue): View => {
    if (v instanceof View) return v;
    throw new ViewError(`${call}: a view is expected, got ${luaTypeOf(v)}`);
  };

  // ------------------------------------------------------- the ViewBuilder

  const construct = (vb: ViewBuilder, ctor: string, t: LuaValue): View => {
    const view = vb.make(ctor);
    lua(view);
    if (t === undefined) return view;
    if (!(t instanceof LuaRef) || t.type !== "table") {
      throw new ViewError(`ViewBuilder:${ctor}: a table of properties is expected, got ${luaTypeOf(t)}`);
    }
    const flat = holder.flat!.call(t);
    const props = new Map<string, LuaValue>();
    const children: View[] = [];
    const viewsOfTable: View[] = [];
    const notifiers: [string, LuaValue][] = [];
    let id: string | undefined;
    let bind: { value: LuaValue } | undefined;
    try {
      const n = flat[0] as number;
      for (let i = 0; i < n; i++) {
        const [k, v] = [flat[1 + 2 * i], flat[2 + 2 * i]];
        if (typeof k === "number") {
          children.push(viewArg(`ViewBuilder:${ctor}`, v));
        } else if (k === "id") {
          if (typeof v !== "string") throw new ViewError(`ViewBuilder:${ctor}: id must be a string, got ${luaTypeOf(v)}`);
          id = toText(v);
        } else if (k === "notifier" || k === "pressed" || k === "released") {
          notifiers.push([k, v]);
        } else if (k === "bind") {
          bind = { value: v };
        } else if (k === "views") {
          if (!(v instanceof LuaRef) || v.type !== "table") {
            throw new ViewError(`ViewBuilder:${ctor}: views must be a table of views, got ${luaTypeOf(v)}`);
          }
          const items = tables.seq(v);
          try {
            for (const c of items) viewsOfTable.push(viewArg(`ViewBuilder:${ctor}: views`, c));
          } finally {
            releaseAll(items.filter((c) => !(c instanceof View)));
          }
        } else if (typeof k === "string" && view.has(toText(k))) {
          props.set(toText(k), v);
        } else {
          throw new ViewError(`unknown property '${typeof k === "string" ? toText(k) : luaTypeOf(k)}' for a view of type '${view.type}'`);
        }
      }
      for (const name of Object.keys(view.spec.props)) {
        if (props.has(name)) view.set(name, fromLua(view.spec.props[name]!, props.get(name)));
      }
      // After the ranges and items (the view takes the observable's value), before the notifiers (they do not fire for it).
      if (bind !== undefined) bindView(vm, holder.bind!, view, ctor, bind.value);
      for (const [k, v] of notifiers) addNotifier(notifierTarget(view, k as "notifier"), `ViewBuilder:${ctor}`, v, undefined);
      for (const c of children) view.add_child(c);
      for (const c of viewsOfTable) view.add_child(c);
      if (id !== undefined) vb.register(id, view);
    } finally {
      releaseUnkept(flat);
    }
    return view;
  };

  const builderClass = vm.defineClass<ViewBuilder>((builderSpec ??= viewBuilderSpec()));
  const binding: BuilderBinding = {
    construct,
    views: (vb) => {
      const out: Record<string, LuaInput> = {};
      for (const [id, v] of Object.entries(vb.views)) out[text(id)] = lua(v);
      return out;
    },
  };

  const dialogClass = vm.defineClass<Dialog>({
    typeName: "Dialog",
    properties: { visible: { get: (d) => d.visible } },
    methods: { show: (d) => d.show(), close: (d) => d.close() },
  });

  const newBuilder = () => {
    const vb = new ViewBuilder(driver);
    builderBindings.set(vb, binding);
    return vm.wrap(vb, builderClass);
  };
  // Run in the VM template (lua-preload.ts) unless the VM's preload list leaves it out.
  const args = viewsChunkArgs(newBuilder);
  const [identFn, flatFn, ViewBuilderTable, bindFn] =
    vm.templateResults("views", args) ?? vm.run(VIEWS_LUA, "=[renoise-sim views]", ...args);
  if (!(identFn instanceof LuaRef && flatFn instanceof LuaRef && ViewBuilderTable instanceof LuaRef && bindFn instanceof LuaRef)) {
    throw new Error("views chunk did not return its helpers");
  }
  holder.ident = identFn;
  holder.flat = flatFn;
  holder.bind = bindFn;

  return {
    ViewBuilder: ViewBuilderTable,
    lua,
    addNotifier,
    removeNotifier,
    hasNotifier,
    callable,
    toLua,
    dialogClass,
  };
}
