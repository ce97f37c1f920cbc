/**
 * renoise.Osc: OSC 1.0 messages and bundles as Renoise's Lua API exposes
 * them, in pure TypeScript. Payloads are byte strings (see `src/bytes.ts`).
 *
 * @module
 */
export { createOscApi } from "./api.js";
export type { OscApi } from "./api.js";
export { Bundle, OscBundle } from "./bundle.js";
export { OscUsageError } from "./errors.js";
export { from_binary_data } from "./from-binary-data.js";
export { isOscBundle, isOscMessage, isOscObject } from "./guards.js";
export { OSC_TIMETAG_IMMEDIATELY } from "./int64.js";
export { Message, OscMessage } from "./message.js";
export { OSC_TAGS } from "./types.js";
export type { OscArgument, OscDecodeResult, OscElement, OscInt64, OscTag, OscValue } from "./types.js";
