import { Observable } from "../document/observable.js";
import { directViewDriver, type ViewDriver } from "./driver.js";
import { VIEW_TYPES, type PropSpec, type ViewTypeSpec } from "./schema.js";

/** Misuse of a view (bad property value, unknown property, child added twice): raised into Lua as an error. */
export class ViewError extends Error {
  override name = "ViewError";
}

/** An `{x, y}` pair (XYPad values, minimums, maximums). */
export interface XY {
  x: number;
  y: number;
}

/**
 * What keeps a view's value in step with a value outside the views (a Lua
 * tool's `bind = observable`): paused while the dialog showing the view is
 * closed, resumed (the view taking the outside value) when a dialog shows it.
 */
export interface ViewLink {
  pause(): void;
  resume(): void;
}

/** A `tostring` / `tonumber` converter of a value box or value field. */
export type Converter = (value: unknown) => unknown;

const PERCENT = /^\d+(\.\d+)?%$/;

function describe(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object") return Array.isArray(v) ? "a list" : "a table";
  if (typeof v === "function") return "a function";
  return JSON.stringify(v);
}

/**
 * One view of a headless renoise.ViewBuilder: its type comes from the schema
 * (schema.ts); properties are read and written with their Renoise names
 * (`view.text`, `view.value`, `view.width`) or with `get`/`set`. Setting a
 * control's value fires its notifiers when the value changes, as in Renoise.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class View {
  /** `vb.views[id]` name, if the view was built with an `id`. */
  id: string | undefined;
  /** The view this one was added to, if any. */
  parent: View | undefined;
  /** Child views, in order (`view.views` in Lua). */
  readonly children: View[] = [];
  /** Fired with the new value when a control's value changes (`add_notifier`). */
  readonly value_observable: Observable | undefined;
  /** Button: fired when pressed (`add_pressed_notifier`). Bitmap: fired when clicked (`add_notifier`). */
  readonly pressed_observable: Observable | undefined;
  /** Button: fired when released over the button (`add_released_notifier`, the constructor's `notifier`). */
  readonly released_observable: Observable | undefined;
  /** Lines scrolled to with scroll_to_first_line / scroll_to_last_line ("first" | "last"). */
  scrolled: "first" | "last" | undefined;
  /** The view's `bind`, if it was built with one (see {@link ViewLink}). */
  link: ViewLink | undefined;
  /** @internal how many open dialogs show this view as their content. */
  openDialogs = 0;
  /** Trace and GUI thread of the user actions on this view (set by the ViewBuilder). */
  driver: ViewDriver = directViewDriver;
  private readonly values = new Map<string, unknown>();

  constructor(readonly spec: ViewTypeSpec) {
    if (spec.notifier === "value") this.value_observable = new Observable();
    if (spec.notifier === "button" || spec.notifier === "bitmap") this.pressed_observable = new Observable();
    if (spec.notifier === "button") this.released_observable = new Observable();
  }

  /** The Renoise type name (`"Button"`, `"Rack"`, ...). */
  get type(): string {
    return this.spec.type;
  }

  /** The ViewBuilder constructor that made it (`"button"`, `"column"`, ...). */
  get ctor(): string {
    return this.spec.ctor;
  }

  /** True if the view type has this property. */
  has(name: string): boolean {
    return Object.hasOwn(this.spec.props, name);
  }

  private prop(name: string): PropSpec {
    const spec = this.spec.props[name];
    if (!spec || !Object.hasOwn(this.spec.props, name)) {
      throw new ViewError(`unknown property '${name}' for a view of type '${this.spec.type}'`);
    }
    return spec;
  }

  /** Reads a property by its Renoise name. */
  get(name: string): unknown {
    const spec = this.prop(name);
    const key = spec.aliasOf ?? name;
    if (name === "paragraphs") {
      const t = this.get(this.textKey) as string;
      return t === "" ? [] : t.split("\n");
    }
    if (this.values.has(key)) return copy(this.values.get(key));
    if (name === "width" || name === "height") return undefined;
    return copy(this.spec.props[key]!.default);
  }

  /** The property that holds a text view's text (`value` for text fields, else `text`). */
  get textKey(): string {
    return this.has("value") && this.spec.props.value!.kind === "string" ? "value" : "text";
  }

  /**
   * Writes a property by its Renoise name, checking its type and range.
   * A changed control value fires the value notifiers with the new value.
   */
  set(name: string, value: unknown): void {
    const spec = this.prop(name);
    const key = spec.aliasOf ?? name;
    if (name === "paragraphs") {
      const list = check(this.spec, name, spec, value) as string[];
      this.set(this.textKey, list.join("\n"));
      return;
    }
    let v = check(this.spec, name, spec, value);
    if (key === "value") v = this.checkValue(v);
    if (key === "default") this.checkRange("default", v as number);
    const old = this.get(key);
    this.values.set(key, v);
    if (key === "min" || key === "max") this.clampToRange();
    if (key === "items") this.clampToItems();
    if (key === "value" && !same(old, v)) this.value_observable?.notify(copy(v));
  }

  private checkValue(v: unknown): unknown {
    const s = this.spec.props;
    if (s.items) {
      const n = (this.get("items") as string[]).length;
      const i = v as number;
      if (i < 1 || i > Math.max(1, n)) {
        throw new ViewError(`${this.spec.type}.value: ${i} is not an item index (1..${n})`);
      }
    } else if (s.min && s.max) {
      if (s.value!.kind === "xy") {
        const [lo, hi, xy] = [this.get("min") as XY, this.get("max") as XY, v as XY];
        for (const a of ["x", "y"] as const) {
          if (xy[a] < lo[a] || xy[a] > hi[a]) {
            throw new ViewError(`${this.spec.type}.value: ${a}=${xy[a]} is out of range [${lo[a]}, ${hi[a]}]`);
          }
        }
      } else {
        this.checkRange("value", v as number);
      }
    }
    return v;
  }

  private checkRange(name: string, v: number): void {
    const [lo, hi] = [this.get("min") as number, this.get("max") as number];
    if (lo <= hi && (v < lo || v > hi)) {
      throw new ViewError(`${this.spec.type}.${name}: ${v} is out of range [${lo}, ${hi}]`);
    }
  }

  /** After min/max changed: value and default are clamped into the new range (min <= max only). */
  private clampToRange(): void {
    if (!this.has("value")) return;
    if (this.spec.props.value!.kind === "xy") {
      const [lo, hi, xy] = [this.get("min") as XY, this.get("max") as XY, this.get("value") as XY];
      if (lo.x > hi.x || lo.y > hi.y) return;
      const c = { x: clamp(xy.x, lo.x, hi.x), y: clamp(xy.y, lo.y, hi.y) };
      if (!same(c, xy)) this.set("value", c);
      return;
    }
    const [lo, hi] = [this.get("min") as number, this.get("max") as number];
    if (lo > hi) return;
    if (this.has("default")) this.values.set("default", clamp(this.get("default") as number, lo, hi));
    const v = this.get("value") as number;
    if (clamp(v, lo, hi) !== v) this.set("value", clamp(v, lo, hi));
  }

  private clampToItems(): void {
    const n = (this.get("items") as string[]).length;
    const v = this.get("value") as number;
    if (v > Math.max(1, n)) this.set("value", Math.max(1, n));
  }

  /** Adds a child view (column, row, aligner, or any view as Renoise allows). Raises if it has a parent already. */
  add_child(child: View): void {
    if (!(child instanceof View)) throw new ViewError("add_child: a view is expected");
    if (child === this) throw new ViewError("add_child: a view cannot be its own child");
    if (child.parent) {
      throw new ViewError(
        child.parent === this
          ? "add_child: the view was already added to this view"
          : "add_child: the view is already a child of another view; remove it there first",
      );
    }
    for (let a = this.parent; a; a = a.parent) {
      if (a === child) throw new ViewError("add_child: a view cannot be added to one of its own children");
    }
    child.parent = this;
    this.children.push(child);
    // Added where an open dialog shows it: its bound views follow again (see ViewLink).
    if (this.inOpenDialog) for (const v of child.walk()) v.link?.resume();
  }

  /** @internal whether an open dialog shows this view (as its content, or inside it). */
  get inOpenDialog(): boolean {
    return this.openDialogs > 0 || (this.parent?.inOpenDialog ?? false);
  }

  /**
   * The value nearest to `v` this view can hold: clamped into its range
   * (when min <= max), a whole item index of a popup, switch or chooser.
   * For a value that comes from outside the view (a `bind`).
   */
  nearestValue(v: unknown): unknown {
    if (this.has("items")) return clamp(Math.round(v as number), 1, Math.max(1, (this.get("items") as string[]).length));
    if (!this.has("min")) return v;
    if (this.spec.props.value!.kind === "xy") {
      const [lo, hi, xy] = [this.get("min") as XY, this.get("max") as XY, v as XY];
      return { x: lo.x <= hi.x ? clamp(xy.x, lo.x, hi.x) : xy.x, y: lo.y <= hi.y ? clamp(xy.y, lo.y, hi.y) : xy.y };
    }
    const [lo, hi] = [this.get("min") as number, this.get("max") as number];
    return lo <= hi ? clamp(v as number, lo, hi) : v;
  }

  /** Whether the view's value is `v` now (as set() compares, to notify only a change). */
  holds(v: unknown): boolean {
    return same(this.get("value"), v);
  }

  /** Removes a child view. Raises if it is not a child of this view. */
  remove_child(child: View): void {
    const i = this.children.indexOf(child);
    if (i < 0) throw new ViewError("remove_child: the view is not a child of this view");
    this.children.splice(i, 1);
    child.parent = undefined;
  }

  /** Multi-line texts: appends a line. */
  add_line(line: string): void {
    this.lineView("add_line");
    if (typeof line !== "string") throw new ViewError(`add_line: a string is expected, got ${describe(line)}`);
    const t = this.get(this.textKey) as string;
    this.set(this.textKey, t === "" ? line : `${t}\n${line}`);
  }

  /** Multi-line texts: removes all text. */
  clear(): void {
    this.lineView("clear");
    this.set(this.textKey, "");
  }

  scroll_to_first_line(): void {
    this.lineView("scroll_to_first_line");
    this.scrolled = "first";
  }

  scroll_to_last_line(): void {
    this.lineView("scroll_to_last_line");
    this.scrolled = "last";
  }

  private lineView(call: string): void {
    if (!this.spec.lines) throw new ViewError(`${call}: a view of type '${this.spec.type}' has no lines`);
  }

  /** True if this view and every parent are visible. */
  get shown(): boolean {
    if (this.get("visible") === false) return false;
    return this.parent ? this.parent.shown : true;
  }

  /** True unless the view, or a parent, is a control with `active = false`. */
  get enabled(): boolean {
    if (this.has("active") && this.get("active") === false) return false;
    return this.parent ? this.parent.enabled : true;
  }

  /** The visible label of a view: its text, value text, or bitmap name. */
  get label(): string {
    if (this.has("text")) return this.get("text") as string;
    if (this.has("bitmap")) return this.get("bitmap") as string;
    return "";
  }

  /** Depth-first list of this view and all descendants. */
  *walk(): Generator<View> {
    yield this;
    for (const c of this.children) yield* c.walk();
  }
}

/**
 * The properties by their Renoise names, for TypeScript (`view.text = "x"`);
 * a name the view's type lacks raises like `get`/`set`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface View {
  visible: boolean;
  width: number | string | undefined;
  height: number | string | undefined;
  tooltip: string;
  active: boolean;
  midi_mapping: string;
  text: string;
  value: unknown;
  items: string[];
  min: unknown;
  max: unknown;
  default: number;
  steps: [number, number];
  margin: number;
  spacing: number;
  style: string;
  mode: string;
  font: string;
  align: string;
  bitmap: string;
  color: [number, number, number];
  paragraphs: string[];
  edit_mode: boolean;
  uniform: boolean;
  snapback: XY | undefined;
}

for (const name of new Set([...VIEW_TYPES.values()].flatMap((s) => Object.keys(s.props)))) {
  Object.defineProperty(View.prototype, name, {
    get(this: View) {
      return this.get(name);
    },
    set(this: View, v: unknown) {
      this.set(name, v);
    },
  });
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function copy<T>(v: T): T {
  if (Array.isArray(v)) return [...v] as T;
  if (v && typeof v === "object" && !(v instanceof Function)) return { ...v };
  return v;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === "object" && typeof b === "object") {
    const [ka, kb] = [Object.keys(a), Object.keys(b)];
    if (ka.length !== kb.length) return false;
    return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Checks a value against a property spec; returns the value to store. */
function check(view: ViewTypeSpec, name: string, spec: PropSpec, v: unknown): unknown {
  const bad = (what: string): never => {
    throw new ViewError(`${view.type}.${name}: ${what} expected, got ${describe(v)}`);
  };
  switch (spec.kind) {
    case "string":
      return typeof v === "string" ? v : bad("a string");
    case "number":
      return isNum(v) ? v : bad("a number");
    case "integer":
      return isNum(v) && Number.isInteger(v) ? v : bad("a whole number");
    case "boolean":
      return typeof v === "boolean" ? v : bad("a boolean");
    case "dimension":
      if (isNum(v) && v >= 0) return Math.round(v);
      return typeof v === "string" && PERCENT.test(v) ? v : bad('a size in pixels or a percentage like "50%"');
    case "strings":
      return Array.isArray(v) && v.every((s) => typeof s === "string") ? [...(v)] : bad("a list of strings");
    case "color":
      return Array.isArray(v) && v.length === 3 && v.every((c) => isNum(c) && c >= 0 && c <= 255)
        ? (v as number[]).slice()
        : bad("a color {r, g, b} with values 0..255");
    case "steps":
      return Array.isArray(v) && v.length === 2 && v.every(isNum) ? [...v] : bad("steps {small, big}");
    case "xy?":
    case "xy": {
      if (v === undefined && spec.kind === "xy?") return v;
      const o = v as XY | undefined;
      return o && typeof o === "object" && isNum(o.x) && isNum(o.y) ? { x: o.x, y: o.y } : bad("a table {x=, y=}");
    }
    case "enum":
      return typeof v === "string" && spec.values!.includes(v) ? v : bad(`one of ${spec.values!.map((s) => `"${s}"`).join(", ")}`);
    case "function":
      return v === undefined || typeof v === "function" ? v : bad("a function");
  }
}
