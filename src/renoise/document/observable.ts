/**
 * The one observable / notifier mechanism of the model (renoise.Document.Observable):
 * song, views and preferences all use it. Notifiers are kept with their identity
 * (function and optional context object); Lua bindings give identity keys for Lua
 * values so that `has_notifier`/`remove_notifier` find what `add_notifier` added.
 */

/** Misuse of an observable (adding twice, removing what was not added, a bad notifier). */
export class ObservableError extends Error {
  override name = "ObservableError";
}

/** A notifier as stored: identity (`fn`, `obj`) and how to call it. */
export interface NotifierEntry {
  /** Identity of the function (the JS function, or a key the Lua binding gives). */
  readonly fn: unknown;
  /** Identity of the context object, or undefined for a plain function. */
  readonly obj: unknown;
  /** Calls the notifier with the notification's arguments. */
  readonly call: (args: readonly unknown[]) => void;
  /** Called once the notifier is removed (bindings free what they hold). */
  readonly release?: () => void;
}

/**
 * Where notifications are delivered. The default runs each notifier at once,
 * in the caller (what Renoise does for changes made by a script); a driver
 * (the tool host) can supply one that traces them or runs them on its GUI thread.
 */
export interface NotifyDispatch {
  deliver(entry: NotifierEntry, args: readonly unknown[]): void;
}

/** Runs each notifier at once; its errors go to whoever made the change. */
export const directDispatch: NotifyDispatch = {
  deliver(entry, args) {
    entry.call(args);
  },
};

type Fn = (...args: never[]) => unknown;

/**
 * A notifier in one of Renoise's forms: `fn`, `(obj, fn)`, `(fn, obj)`,
 * `[obj, fn]` or `[fn, obj]` (the function is called as `fn(obj, ...)`).
 */
export type NotifierArgs = [Fn] | [unknown, Fn] | [Fn, unknown] | [[unknown, Fn] | [Fn, unknown]];

/** Splits Renoise's notifier forms into function and context; undefined if they are not a notifier. */
export function splitNotifier(a: unknown, b: unknown, isFn: (v: unknown) => boolean): [unknown, unknown] | undefined {
  if (b === undefined) {
    if (isFn(a)) return [a, undefined];
    if (Array.isArray(a) && a.length === 2) return splitNotifier(a[0], a[1], isFn);
    return undefined;
  }
  if (isFn(a) && !isFn(b)) return [a, b];
  if (isFn(b)) return [b, a];
  return undefined;
}

const isJsFn = (v: unknown): boolean => typeof v === "function";

/** renoise.Document.Observable: a list of notifiers, fired in the order they were added. */
export class Observable {
  /** @internal */
  entries: NotifierEntry[] | undefined;
  /** Where notifications go (see {@link NotifyDispatch}). */
  dispatch: NotifyDispatch = directDispatch;
  /** Called with the notifier count after each add/remove (e.g. to start an idle timer). */
  onNotifierCountChange: ((count: number) => void) | undefined;

  /** Adds a notifier: `fn`, `(obj, fn)`, `(fn, obj)` or a 2-array of those. Raises if it was added already. */
  add_notifier(...args: NotifierArgs): void {
    const [fn, obj] = this.split("add_notifier", args);
    this.addEntry({
      fn,
      obj,
      call: obj === undefined ? (a) => (fn as Fn)(...(a as never[])) : (a) => (fn as Fn)(obj as never, ...(a as never[])),
    });
  }

  /** Removes a notifier; given only a context object, removes all of that object's notifiers. */
  remove_notifier(...args: NotifierArgs | [object]): void {
    if (args.length === 1 && !isJsFn(args[0]) && !Array.isArray(args[0])) {
      this.removeObject(args[0]);
      return;
    }
    const [fn, obj] = this.split("remove_notifier", args);
    this.removeEntry(fn, obj);
  }

  /** True if the notifier (in any form) was added. */
  has_notifier(...args: NotifierArgs): boolean {
    const [fn, obj] = this.split("has_notifier", args);
    return this.indexOf(fn, obj) >= 0;
  }

  private split(call: string, args: unknown[]): [unknown, unknown] {
    const r = args.length <= 2 ? splitNotifier(args[0], args[1], isJsFn) : undefined;
    if (!r) {
      throw new ObservableError(
        `${call}: expected a function, (object, function), (function, object) or {object, function}`,
      );
    }
    return r;
  }

  /** @internal removes every notifier (a closing binding); calls their release hooks. */
  clearNotifiers(filter: (e: NotifierEntry) => boolean = () => true): void {
    const list = this.entries;
    if (!list) return;
    const kept = list.filter((e) => !filter(e));
    for (const e of list) if (filter(e)) e.release?.();
    this.entries = kept.length ? kept : undefined;
    if (kept.length !== list.length) this.onNotifierCountChange?.(kept.length);
  }

  /** Number of notifiers. */
  get notifierCount(): number {
    return this.entries?.length ?? 0;
  }

  /** @internal index of a notifier by identity, -1 if absent. */
  indexOf(fn: unknown, obj: unknown): number {
    const list = this.entries;
    if (!list) return -1;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.fn === fn && e.obj === obj) return i;
    }
    return -1;
  }

  /** @internal adds a notifier entry (bindings); raises if one with that identity exists. */
  addEntry(entry: NotifierEntry): void {
    if (this.indexOf(entry.fn, entry.obj) >= 0) {
      throw new ObservableError("add_notifier: the notifier was already added (test has_notifier() first)");
    }
    // Copy on write: a notification in progress keeps iterating its own list.
    this.entries = this.entries ? [...this.entries, entry] : [entry];
    this.onNotifierCountChange?.(this.entries.length);
  }

  /** @internal removes a notifier by identity; raises if absent. */
  removeEntry(fn: unknown, obj: unknown): void {
    const i = this.indexOf(fn, obj);
    if (i < 0) {
      throw new ObservableError("remove_notifier: the notifier was not added (test has_notifier() first)");
    }
    const list = this.entries!.slice();
    const [gone] = list.splice(i, 1);
    gone!.release?.();
    this.entries = list.length ? list : undefined;
    this.onNotifierCountChange?.(list.length);
  }

  /** @internal removes every notifier of a context object (no error if there is none, as Renoise says). */
  removeObject(obj: unknown): void {
    const list = this.entries;
    if (!list) return;
    const kept = list.filter((e) => e.obj !== obj);
    if (kept.length === list.length) return;
    for (const e of list) if (e.obj === obj) e.release?.();
    this.entries = kept.length ? kept : undefined;
    this.onNotifierCountChange?.(kept.length);
  }

  /**
   * Calls the notifiers in the order they were added. A notifier removed by an
   * earlier one in the same round is not called; one added during the round waits
   * for the next notification.
   */
  notify(...args: unknown[]): void {
    const list = this.entries;
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (this.entries !== list && !this.entries?.includes(e)) continue;
      this.dispatch.deliver(e, args);
    }
  }
}

/** renoise.Document.ObservableBang: an observable without a value, fired with `bang()`. */
export class ObservableBang extends Observable {
  bang(): void {
    this.notify();
  }
}
