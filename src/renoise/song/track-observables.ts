/**
 * A notifier function of a track, device or parameter observable. Renoise
 * calls value observables' notifiers without arguments.
 */
export type TrackNotifier = () => void;

/**
 * One observable of a track, device or parameter (`name_observable`,
 * `value_observable`, ...): notifiers added by a tool run, in the order
 * added, after the property changed. A notifier added twice or removed
 * without having been added is an error, as in Renoise.
 */
export class TrackObservable {
  private readonly list: TrackNotifier[] = [];

  /** Adds a notifier. */
  add_notifier(fn: TrackNotifier): void {
    if (this.list.includes(fn)) throw new Error("add_notifier: this notifier was already added");
    this.list.push(fn);
  }

  /** Removes a notifier added before. */
  remove_notifier(fn: TrackNotifier): void {
    const i = this.list.indexOf(fn);
    if (i < 0) throw new Error("remove_notifier: this notifier was not added");
    this.list.splice(i, 1);
  }

  /** True if `fn` was added. */
  has_notifier(fn: TrackNotifier): boolean {
    return this.list.includes(fn);
  }

  /** Calls every notifier (a snapshot: one removed meanwhile is skipped). */
  fire(): void {
    if (this.list.length === 0) return;
    for (const fn of [...this.list]) if (this.list.includes(fn)) fn();
  }
}

/**
 * What a track, device or parameter reports to its song: every property
 * change (for the trace and undo) as a path relative to the object, the old
 * and the new value. The song wires it; a detached object reports nowhere.
 */
export type ChangeSink = (property: string, oldValue: unknown, newValue: unknown) => void;

/** Observables of one object, created when first asked for. */
export class ObservableSet {
  private readonly map = new Map<string, TrackObservable>();

  /** The observable of `property` (e.g. "value" for `value_observable`). */
  get(property: string): TrackObservable {
    let o = this.map.get(property);
    if (!o) {
      o = new TrackObservable();
      this.map.set(property, o);
    }
    return o;
  }

  /** Fires the observable of `property` if anyone asked for it. */
  fire(property: string): void {
    this.map.get(property)?.fire();
  }
}
