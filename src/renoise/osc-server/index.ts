/**
 * Renoise's built-in OSC server (Preferences > OSC), simulated on top of the
 * song model: the realtime triggers, and the global OSC actions script.
 *
 * @module
 */
export { BUILTIN_OSC_ACTIONS_LUA } from "./builtin-actions.js";
export { describeArguments } from "./describe.js";
export { REALTIME_ADDRESSES, realtimeTrigger } from "./realtime.js";
export { RenoiseOscServer, type OscServerContext } from "./server.js";
export type {
  ActionResult,
  OscActionsRunner,
  OscRealtimeSong,
  OscServerLogEntry,
  OscServerOptions,
  OscServerOutcome,
  TriggeredEvent,
} from "./types.js";
