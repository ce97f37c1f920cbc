/**
 * Errors thrown by the renoise.Osc double when it is misused.
 *
 * @module
 */
import { RenoiseSimError } from "../../core/errors.js";

/**
 * Misuse of the renoise.Osc API (wrong argument types, unknown tags, bad
 * patterns, ...): what Renoise reports as a Lua runtime error. The message
 * starts with the API name (e.g. `renoise.Osc.Message: `) and says what to do.
 */
export class OscUsageError extends RenoiseSimError {
  override name = "OscUsageError";
}

/** Builds an {@link OscUsageError} whose message is `${api}: ${detail}`. */
export function usageError(api: string, detail: string): OscUsageError {
  return new OscUsageError(`${api}: ${detail}`);
}

/** A short, readable description of any value, for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nil (undefined)";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === "number") return `number ${String(value)}`;
  if (typeof value === "bigint") return `bigint ${String(value)}n`;
  if (typeof value === "boolean") return `boolean ${String(value)}`;
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (value instanceof Uint8Array) return `Uint8Array of length ${value.length}`;
  if (typeof value === "function") return "function";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name !== "Object" ? `${name} object` : "object";
  }
  return typeof value;
}
