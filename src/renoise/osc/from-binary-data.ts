/**
 * `renoise.Osc.from_binary_data`: de-packetizes raw socket data.
 *
 * @module
 */
import { firstNonByte, fromBytes } from "../../core/bytes.js";
import type { ByteString } from "../../core/bytes.js";
import { decodePacket } from "./decode.js";
import { describe, usageError } from "./errors.js";
import type { OscDecodeResult } from "./types.js";

const API = "renoise.Osc.from_binary_data";

/**
 * `renoise.Osc.from_binary_data(binary_data)`: converts raw OSC 1.0 data to
 * an {@link OscMessage} or {@link OscBundle} (bundles may nest).
 *
 * Mirrors Lua's two return values: `[object, undefined]` on success,
 * `[undefined, error]` when the data is not OSC or is malformed (truncated,
 * bad padding, unknown type tag, element size overflow, ...). Malformed data
 * never throws. The returned object's `binary_data` is the canonical encoding,
 * which equals the input for every well-formed packet that has a type tag
 * string (NaN payload bits aside).
 *
 * @param binary_data - the packet as a byte string (or a `Uint8Array`).
 * @throws OscUsageError (message starting with `renoise.Osc.from_binary_data:`)
 *   only if `binary_data` is not a byte string / `Uint8Array`.
 * @example
 * ```ts
 * const [msg, err] = from_binary_data(data);
 * if (msg === undefined) console.log(`not OSC: ${err}`);
 * ```
 */
export function from_binary_data(binary_data: ByteString | Uint8Array): OscDecodeResult {
  let data: ByteString;
  if (binary_data instanceof Uint8Array) {
    data = fromBytes(binary_data);
  } else if (typeof binary_data === "string") {
    const bad = firstNonByte(binary_data);
    if (bad !== -1) {
      const code = binary_data.charCodeAt(bad).toString(16).toUpperCase().padStart(4, "0");
      throw usageError(
        API,
        `binary_data has character U+${code} at index ${bad}, which is not a byte; ` +
          `pass the raw data received from a socket (a byte string) or a Uint8Array`,
      );
    }
    data = binary_data;
  } else {
    throw usageError(
      API,
      `binary_data must be a (byte) string such as the data of a socket_message callback, got ${describe(binary_data)}`,
    );
  }
  try {
    return [decodePacket(data), undefined];
  } catch (e) {
    // Defensive: any failure while decoding is reported, never thrown.
    return [undefined, e instanceof Error ? e.message : String(e)];
  }
}
