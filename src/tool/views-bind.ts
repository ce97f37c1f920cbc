import { text, toText } from "../core/bytes.js";
import type { LuaInput, LuaRef, LuaValue, LuaVm } from "../lua/index.js";
import type { View, ViewLink, XY } from "../renoise/views/view.js";
import { ViewError } from "../renoise/views/view.js";
import { releaseAll } from "./tables.js";

/** What a view's `bind` holds: the kind of its value. */
type BindKind = "boolean" | "number" | "string" | "strings" | "xy";

/** The views that take `bind`, by constructor, and the observable each binds to (Renoise's definitions). */
const BIND_KINDS: Readonly<Record<string, BindKind>> = {
  checkbox: "boolean",
  chooser: "number",
  minislider: "number",
  popup: "number",
  rotary: "number",
  slider: "number",
  switch: "number",
  value: "number",
  valuebox: "number",
  valuefield: "number",
  textfield: "string",
  multiline_textfield: "strings",
  xypad: "xy",
};

const NUMBER = "renoise.Document.ObservableNumber";
const EXPECTED: Readonly<Record<BindKind, string>> = {
  boolean: "a renoise.Document.ObservableBoolean",
  number: `a ${NUMBER}`,
  string: "a renoise.Document.ObservableString",
  strings: "a renoise.Document.ObservableStringList",
  xy: `a table {x = ${NUMBER}, y = ${NUMBER}}`,
};

/** True if views built by `ctor` take `bind`. @internal */
export function takesBind(ctor: string): boolean {
  return Object.hasOwn(BIND_KINDS, ctor);
}

/**
 * Binds a view built with `bind = target` (after its other properties are
 * set, before its constructor notifiers are added): the view takes the
 * observable's value, then each side follows the other. `bindFn` is the
 * views chunk's `bind` (lua/views.ts), which checks the observable's type
 * and gives get/set/start/stop. Raises a ViewError naming `ctor` on a
 * wrong type.
 *
 * - The view shows the nearest value it can (clamped into its range, a
 *   whole item index); the observable keeps its value until the view
 *   changes.
 * - The view's value notifier of the binding comes first, the observable's
 *   notifier of the binding is put first: each side has followed before
 *   the notifiers of the side that changed run. A set to the same value
 *   changes nothing and fires nothing, on either side.
 * - While the dialog showing the view is closed the binding is paused; a
 *   dialog showing it again resumes it (the view takes the observable's
 *   value).
 *
 * @internal
 */
export function bindView(vm: LuaVm, bindFn: LuaRef, view: View, ctor: string, target: LuaValue): void {
  const kind = BIND_KINDS[ctor];
  if (kind === undefined) throw new ViewError(`unknown property 'bind' for a view of type '${view.type}'`);
  const holder: { changed?: () => void } = {};
  const res = bindFn.call(text(kind), target, () => holder.changed?.());
  const [ok, a, b, c, d] = res;
  if (ok !== true) {
    releaseAll(res);
    const got = typeof a === "string" ? toText(a) : "nil";
    const where = typeof b === "string" ? toText(b) : "";
    const expected = where === "" ? EXPECTED[kind] : `a ${NUMBER}`;
    throw new ViewError(`ViewBuilder:${ctor}: bind${where} must be ${expected}, got ${got}`);
  }
  const [get, set, start, stop] = [a, b, c, d] as [LuaRef, LuaRef, LuaRef, LuaRef];
  const obs = view.value_observable!;

  /** The observable's value as the view's model holds it. */
  const read = (): unknown => {
    const vals = get.call();
    if (kind === "xy") return { x: vals[0], y: vals[1] };
    if (kind === "strings") return vals.map((v) => toText(v as string)).join("\n");
    if (kind === "string") return toText(vals[0] as string);
    return vals[0];
  };
  const write = (v: unknown): void => {
    if (kind === "xy") set.call((v as XY).x, (v as XY).y);
    else if (kind === "strings") set.call(...(v === "" ? [] : (v as string).split("\n").map((s) => text(s))));
    else if (kind === "string") set.call(text(v as string));
    else set.call(v as LuaInput);
  };

  let paused = false;
  let writing = false;
  let echo = false;
  /** Observable -> view; the view's notifiers fire if its value moves, the observable is not written back. */
  const apply = (): void => {
    const v = view.nearestValue(read());
    if (view.holds(v)) return;
    echo = true;
    try {
      view.set("value", v);
    } finally {
      echo = false;
    }
  };
  holder.changed = () => {
    if (paused || writing || vm.closed) return;
    apply();
  };
  obs.addEntry({
    fn: holder,
    obj: undefined,
    call: ([v]) => {
      // The binding's entry is the view's first: `echo` is the change apply() made.
      if (echo) {
        echo = false;
        return;
      }
      if (paused || vm.closed) return;
      writing = true;
      try {
        write(v);
      } finally {
        writing = false;
      }
      apply(); // a notifier of the observable may have changed it again
    },
  });
  const link: ViewLink = {
    pause() {
      if (paused) return;
      paused = true;
      if (!vm.closed) stop.call();
    },
    resume() {
      if (!paused || vm.closed) return;
      paused = false;
      start.call();
      apply();
    },
  };
  try {
    start.call();
    apply();
  } catch (e) {
    // The binding could not start: nothing of it stays behind (its notifiers on both sides, the refs).
    holder.changed = undefined;
    if (!vm.closed) {
      try {
        stop.call();
      } catch {
        // stopping what did not start: nothing to undo
      }
    }
    obs.removeEntry(holder, undefined);
    releaseAll([get, set, start, stop]);
    throw e;
  }
  view.link = link;
}
