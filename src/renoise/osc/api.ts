/**
 * The `renoise.Osc` namespace object.
 *
 * @module
 */
import { Bundle } from "./bundle.js";
import { from_binary_data } from "./from-binary-data.js";
import { Message } from "./message.js";

/** The shape of Renoise's `renoise.Osc` table. */
export interface OscApi {
  /** `renoise.Osc.Message(pattern, arguments?)`; see {@link Message}. */
  readonly Message: typeof Message;
  /** `renoise.Osc.Bundle(timetag, elements)`; see {@link Bundle}. */
  readonly Bundle: typeof Bundle;
  /** `renoise.Osc.from_binary_data(binary_data)`; see {@link from_binary_data}. */
  readonly from_binary_data: typeof from_binary_data;
}

/**
 * Creates a frozen object shaped like `renoise.Osc`:
 * `{ Message, Bundle, from_binary_data }`. The module is stateless, so every
 * call returns an equivalent object.
 */
export function createOscApi(): OscApi {
  return Object.freeze({ Message, Bundle, from_binary_data });
}
