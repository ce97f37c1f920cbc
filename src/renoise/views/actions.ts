import type { View, XY } from "./view.js";
import { ViewError } from "./view.js";

/**
 * What a user does to a view, testing-library style: each action checks the
 * view can take it (shown, active, the right type), then changes it on the
 * GUI thread of the view's driver, firing the tool's notifiers, and records
 * a `view.<action>` trace event.
 */

function usable(view: View, action: string, kinds: readonly string[]): void {
  const name = describeView(view);
  if (!kinds.includes(view.ctor)) {
    throw new ViewError(`${action}: ${name} is a ${view.ctor}; ${action} works on ${kinds.join(", ")}`);
  }
  if (!view.shown) throw new ViewError(`${action}: ${name} is not visible`);
  if (!view.enabled) throw new ViewError(`${action}: ${name} is not active`);
}

/** `button "Start"`, `slider #volume`: how errors and traces name a view. */
export function describeView(view: View): string {
  if (view.id) return `${view.ctor} #${view.id}`;
  const label = view.label;
  return label ? `${view.ctor} ${JSON.stringify(label)}` : view.ctor;
}

function act(view: View, action: string, fields: Record<string, string | number | boolean>, fn: () => void): void {
  view.driver.runGui(`view.${action}`, () => {
    view.driver.record(`view.${action}`, { view: describeView(view), ...fields });
    fn();
  });
}

/** Clicks a button (pressed, then released notifiers) or a bitmap (its notifier). */
export function press(view: View): void {
  usable(view, "press", ["button", "bitmap"]);
  act(view, "press", {}, () => {
    view.pressed_observable?.notify();
    view.released_observable?.notify();
  });
}

/** Toggles a check box (or sets it to `to`). */
export function toggle(view: View, to?: boolean): void {
  usable(view, "toggle", ["checkbox"]);
  const next = to ?? !(view.get("value") as boolean);
  act(view, "toggle", { value: next }, () => view.set("value", next));
}

/** Types into a text field: the new text replaces the old one, as when the user commits an edit. */
export function type(view: View, text: string): void {
  usable(view, "type", ["textfield", "multiline_textfield"]);
  act(view, "type", { text }, () => view.set("value", text));
}

/** Picks an item of a popup, switch or chooser, by label or 1-based index. */
export function select(view: View, item: string | number): void {
  usable(view, "select", ["popup", "switch", "chooser"]);
  const items = view.get("items") as string[];
  const index = typeof item === "number" ? item : items.indexOf(item) + 1;
  if (index < 1 || index > items.length) {
    throw new ViewError(
      `select: ${describeView(view)} has no item ${JSON.stringify(item)}; items: ${items.map((s) => JSON.stringify(s)).join(", ")}`,
    );
  }
  act(view, "select", { item: items[index - 1]!, index }, () => view.set("value", index));
}

/**
 * Moves a slider, minislider, rotary, value box or value field to `value`
 * (clamped into its range, as a mouse drag is), or an XY pad to `{x, y}`.
 */
export function slide(view: View, value: number | XY): void {
  usable(view, "slide", ["slider", "minislider", "rotary", "valuebox", "valuefield", "xypad"]);
  if (view.ctor === "xypad") {
    const [lo, hi, v] = [view.get("min") as XY, view.get("max") as XY, value as XY];
    const to = { x: Math.min(hi.x, Math.max(lo.x, v.x)), y: Math.min(hi.y, Math.max(lo.y, v.y)) };
    act(view, "slide", { x: to.x, y: to.y }, () => view.set("value", to));
    return;
  }
  const [lo, hi] = [view.get("min") as number, view.get("max") as number];
  const to = Math.min(hi, Math.max(lo, value as number));
  act(view, "slide", { value: to }, () => view.set("value", to));
}

/**
 * Types `text` into a value box or value field: parsed with its `tonumber`
 * converter if it has one (nil leaves the value unchanged), else as a number.
 */
export function enter(view: View, text: string): void {
  usable(view, "enter", ["valuebox", "valuefield"]);
  act(view, "enter", { text }, () => {
    const parse = view.get("tonumber") as ((s: string) => unknown) | undefined;
    const n = parse ? parse(text) : Number(text);
    if (typeof n !== "number" || !Number.isFinite(n)) return;
    const [lo, hi] = [view.get("min") as number, view.get("max") as number];
    view.set("value", Math.min(hi, Math.max(lo, n)));
  });
}
