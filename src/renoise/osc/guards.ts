/**
 * Type guards for renoise.Osc objects.
 *
 * @module
 */
import { OscBundle } from "./bundle.js";
import { OscMessage } from "./message.js";
import type { OscElement } from "./types.js";

/** True if `x` is an {@link OscMessage}. */
export function isOscMessage(x: unknown): x is OscMessage {
  return x instanceof OscMessage;
}

/** True if `x` is an {@link OscBundle}. */
export function isOscBundle(x: unknown): x is OscBundle {
  return x instanceof OscBundle;
}

/**
 * True if `x` is an {@link OscMessage} or {@link OscBundle}: an object whose
 * `binary_data` a socket's `send()` transmits.
 */
export function isOscObject(x: unknown): x is OscElement {
  return isOscMessage(x) || isOscBundle(x);
}
