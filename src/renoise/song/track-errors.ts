import { RenoiseSimError } from "../../core/errors.js";

/**
 * Misuse of a track, device or parameter (what Renoise raises as a Lua
 * runtime error): an index out of range, a value out of range, a property
 * the track type does not have. The message names the call and the valid
 * range. Nothing in the song changed when it is thrown.
 */
export class TrackError extends RenoiseSimError {
  override name = "TrackError";
}

/** Throws a {@link TrackError} unless `cond` holds. */
export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new TrackError(message);
}

/** Throws unless `index` is an integer in `[min, max]`; `what` names the call and argument. */
export function checkIndex(index: unknown, min: number, max: number, what: string): asserts index is number {
  if (typeof index !== "number" || !Number.isInteger(index)) {
    throw new TrackError(`${what}: expected an integer index, got ${describe(index)}`);
  }
  if (index < min || index > max) {
    throw new TrackError(
      max < min
        ? `${what}: index ${index} is out of range (there is nothing to index)`
        : `${what}: index ${index} is out of range; valid values are (${min} - ${max})`,
    );
  }
}

/** A short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v;
}
