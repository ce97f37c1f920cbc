import { ModelError } from "../document/model.js";

/** Throws a ModelError (the model's one misuse error) unless `cond` holds. */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new ModelError(message);
}

/**
 * Throws unless `index` is a whole number in `[min, max]`; `what` names the
 * call. The text matches the model kit's index errors
 * (`what: index 0 is out of range (1 - 9)`).
 */
export function checkIndex(index: unknown, min: number, max: number, what: string): asserts index is number {
  if (typeof index !== "number" || !Number.isInteger(index)) {
    throw new ModelError(`${what}: the index must be a whole number, got ${describe(index)}`);
  }
  if (index < min || index > max) {
    throw new ModelError(
      max < min ? `${what}: index ${index} is out of range (there is nothing to index)` : `${what}: index ${index} is out of range (${min} - ${max})`,
    );
  }
}

/** A short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "table";
  return typeof v;
}
