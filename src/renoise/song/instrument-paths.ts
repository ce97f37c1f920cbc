import type { ModelObject } from "../document/model.js";

/** 1-based index of `self` in its owner's list property `key` (0 if not there). */
export function indexIn(owner: ModelObject | undefined, key: string, self: object): number {
  const list = (owner as unknown as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? list.indexOf(self) + 1 : 0;
}

/** Trace path of an item of an owner's list, e.g. "instruments[1].samples[2]"; `fallback` outside one. */
export function listPath(owner: ModelObject | undefined, key: string, self: object, fallback: string): string {
  const i = indexIn(owner, key, self);
  if (i === 0) return fallback;
  const base = owner?._path() ?? "";
  return base ? `${base}.${key}[${i}]` : `${key}[${i}]`;
}
