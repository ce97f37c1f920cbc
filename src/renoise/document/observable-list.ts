import { layoutEpoch, modelEpoch } from "./model.js";
import { Observable } from "./observable.js";
import { emptyArray } from "../../core/site-free.js";

/** What a list notifier receives, as Renoise sends it. */
export type ListChange =
  | { type: "insert"; index: number }
  | { type: "remove"; index: number }
  | { type: "swap"; index1: number; index2: number };

/**
 * renoise.Document.ObservableList: notifies when its layout changes (an item
 * inserted, removed, or two swapped), not when an item changes. Indices are
 * 1-based, as in Lua. The song's tracks, patterns and instruments lists use it
 * through their `*_observable`s.
 */
export class ObservableList<T> extends Observable {
  /** The items (read it; change it through insert/remove/swap so notifiers fire). */
  readonly items: T[] = emptyArray();

  constructor(items: readonly T[] = []) {
    super();
    this.items.push(...items);
  }

  size(): number {
    return this.items.length;
  }

  /** Item at a 1-based index, or undefined. */
  at(index: number): T | undefined {
    return this.items[index - 1];
  }

  /** Inserts at a 1-based index (1..size+1) and notifies `{type="insert", index}`. */
  insertAt(index: number, item: T): void {
    this.items.splice(index - 1, 0, item);
    modelEpoch.n++;
    layoutEpoch.n++;
    this.notify({ type: "insert", index });
  }

  /** Removes at a 1-based index, notifies `{type="remove", index}`; returns the item. */
  removeAt(index: number): T {
    const [item] = this.items.splice(index - 1, 1);
    modelEpoch.n++;
    layoutEpoch.n++;
    this.notify({ type: "remove", index });
    return item!;
  }

  /**
   * Puts the items in a new order (`order[k]`: the 1-based old index of new
   * item k+1, a permutation) without a list notification (the sequencer's
   * sort renumbers patterns so). Lists Lua keeps are read again. @internal
   */
  reorder(order: readonly number[]): void {
    const old = this.items.slice();
    order.forEach((o, k) => {
      this.items[k] = old[o - 1]!;
    });
    modelEpoch.n++;
    layoutEpoch.n++;
  }

  /** Swaps two 1-based indices and notifies `{type="swap", index1, index2}`. */
  swap(index1: number, index2: number): void {
    const a = this.items[index1 - 1]!;
    this.items[index1 - 1] = this.items[index2 - 1]!;
    this.items[index2 - 1] = a;
    modelEpoch.n++;
    layoutEpoch.n++;
    this.notify({ type: "swap", index1, index2 });
  }
}
