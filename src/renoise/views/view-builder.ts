import { directViewDriver, type ViewDriver } from "./driver.js";
import { VIEW_BUILDER_CONSTANTS, VIEW_CONSTRUCTORS, VIEW_TYPES } from "./schema.js";
import { View, ViewError } from "./view.js";

/** Constructor properties: view properties by name, plus `id` and notifiers. */
export type ViewProps = Record<string, unknown> & {
  id?: string;
  /** Value notifier (controls), click notifier (bitmap), released notifier (button). */
  notifier?: (...args: never[]) => unknown;
  pressed?: () => unknown;
  released?: () => unknown;
};

type Ctor = (props?: ViewProps, ...children: View[]) => View;

/**
 * A headless renoise.ViewBuilder: builds views (`vb.button({ text: "Go" })`,
 * `vb.column({ margin: 4 }, child1, child2)`) and keeps the ones built with
 * an `id` in `views`. The same object backs `renoise.ViewBuilder()` in Lua.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ViewBuilder {
  static readonly constants = VIEW_BUILDER_CONSTANTS;
  /** Views built with an `id`, by id (`vb.views.my_id`). */
  readonly views: Record<string, View> = Object.create(null) as Record<string, View>;
  /** Every view this builder made, in order. */
  readonly built: View[] = [];

  constructor(readonly driver: ViewDriver = directViewDriver) {}

  /** A view of a constructor type (`"button"`), without properties. */
  make(ctor: string): View {
    const spec = VIEW_TYPES.get(ctor);
    if (!spec) throw new ViewError(`ViewBuilder: there is no view type '${ctor}'; known: ${VIEW_CONSTRUCTORS.join(", ")}`);
    const view = new View(spec);
    view.driver = this.driver;
    this.built.push(view);
    return view;
  }

  /** Registers `view` under `id` in `views`; raises if the id is taken. */
  register(id: string, view: View): void {
    if (typeof id !== "string" || id === "") throw new ViewError("ViewBuilder: a view id must be a non-empty string");
    if (this.views[id]) {
      throw new ViewError(`ViewBuilder: a view with the id '${id}' already exists; ids must be unique per ViewBuilder`);
    }
    this.views[id] = view;
    view.id = id;
  }

  /**
   * Builds a view from constructor properties (applied in Renoise's order:
   * ranges and items before values), notifiers and children.
   */
  create(ctor: string, props: ViewProps = {}, ...children: View[]): View {
    const view = this.make(ctor);
    const { id, notifier, pressed, released, ...rest } = props;
    for (const k of Object.keys(rest)) {
      if (!view.has(k)) throw new ViewError(`unknown property '${k}' for a view of type '${view.type}'`);
    }
    for (const name of Object.keys(view.spec.props)) {
      if (rest[name] !== undefined) view.set(name, rest[name]);
    }
    if (notifier) addNotifier(view, "notifier", notifier);
    if (pressed) addNotifier(view, "pressed", pressed);
    if (released) addNotifier(view, "released", released);
    for (const c of children) view.add_child(c);
    if (id !== undefined) this.register(id, view);
    return view;
  }
}

/** The observable a constructor's `notifier`, `pressed` or `released` goes to. */
export function notifierTarget(view: View, key: "notifier" | "pressed" | "released") {
  const o =
    key === "pressed"
      ? view.spec.notifier === "button" ? view.pressed_observable : undefined
      : key === "released"
        ? view.released_observable
        : view.spec.notifier === "button"
          ? view.released_observable
          : (view.value_observable ?? view.pressed_observable);
  if (!o) throw new ViewError(`unknown property '${key}' for a view of type '${view.type}'`);
  return o;
}

function addNotifier(view: View, key: "notifier" | "pressed" | "released", fn: (...args: never[]) => unknown): void {
  notifierTarget(view, key).add_notifier(fn);
}

type CtorName =
  | "column" | "row" | "horizontal_aligner" | "vertical_aligner" | "space" | "text" | "multiline_text"
  | "textfield" | "multiline_textfield" | "bitmap" | "button" | "checkbox" | "switch" | "popup" | "chooser"
  | "valuebox" | "value" | "valuefield" | "slider" | "minislider" | "rotary" | "xypad";
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ViewBuilder extends Record<CtorName, Ctor> {}
for (const ctor of VIEW_CONSTRUCTORS) {
  Object.defineProperty(ViewBuilder.prototype, ctor, {
    value: function (this: ViewBuilder, props?: ViewProps, ...children: View[]) {
      return this.create(ctor, props, ...children);
    },
  });
}
