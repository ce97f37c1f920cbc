import { Dialog } from "./dialog.js";
import { describeView } from "./actions.js";
import type { View } from "./view.js";
import { ViewError } from "./view.js";

/** A text to find: exact (after trimming) or a regular expression. */
export type TextMatch = string | RegExp;

function matches(text: string, m: TextMatch): boolean {
  return typeof m === "string" ? text.trim() === m.trim() : m.test(text);
}

/** The text a person reads on a view: label, value text or items. */
export function visibleText(view: View): string {
  if (view.has("text")) return view.get("text") as string;
  if (view.has("items")) return (view.get("items") as string[])[(view.get("value") as number) - 1] ?? "";
  if (view.has("bitmap")) return view.get("bitmap") as string;
  return "";
}

/**
 * testing-library style queries over a view tree (or a dialog's content):
 * `getBy*` throw unless exactly one view matches, `queryBy*` return
 * undefined when none does, `getAllBy*` return every match. Only views shown
 * to the user (visible, with visible parents) are found.
 */
export class ViewQueries {
  constructor(readonly root: View) {}

  private shown(): View[] {
    return [...this.root.walk()].filter((v) => v.shown);
  }

  private one(what: string, found: View[]): View {
    if (found.length === 1) return found[0]!;
    if (found.length === 0) throw new ViewError(`no view ${what} is shown`);
    throw new ViewError(`${found.length} views ${what} are shown: ${found.map(describeView).join(", ")}`);
  }

  /** The view with this id (`id = "..."` in its constructor). */
  getById(id: string): View {
    return this.one(`with id ${JSON.stringify(id)}`, this.shown().filter((v) => v.id === id));
  }

  queryById(id: string): View | undefined {
    return this.shown().find((v) => v.id === id);
  }

  /** Views whose visible text (label, text, selected item, bitmap) matches. */
  getAllByText(text: TextMatch, ctor?: string): View[] {
    return this.shown().filter((v) => (ctor === undefined || v.ctor === ctor) && visibleText(v) !== "" && matches(visibleText(v), text));
  }

  getByText(text: TextMatch, ctor?: string): View {
    return this.one(`with text ${String(typeof text === "string" ? JSON.stringify(text) : text)}`, this.getAllByText(text, ctor));
  }

  queryByText(text: TextMatch, ctor?: string): View | undefined {
    return this.getAllByText(text, ctor)[0];
  }

  /** Views of one constructor type (`"button"`, `"slider"`). */
  getAllByType(ctor: string): View[] {
    return this.shown().filter((v) => v.ctor === ctor);
  }

  /** Every text a person can read, top to bottom. */
  texts(): string[] {
    return this.shown().map(visibleText).filter((t) => t !== "");
  }
}

/** Queries within a view or a dialog's content. */
export function within(root: View | Dialog): ViewQueries {
  return new ViewQueries(root instanceof Dialog ? root.content : root);
}
