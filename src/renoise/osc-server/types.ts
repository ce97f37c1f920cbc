import type { OscValue } from "../osc/types.js";

/** How Renoise's OSC server is set up (Renoise: Preferences > OSC). */
export interface OscServerOptions {
  /** "udp" (Renoise's default) or "tcp". */
  protocol?: "udp" | "tcp";
  /** Port the server listens on; Renoise's default is 8000. */
  port?: number;
  /**
   * Index base of the realtime triggers' instrument and track arguments
   * (`/renoise/trigger/note_on|note_off`): 1 (default, as the Lua API and
   * the per-track actions count) or 0. -1 always means "the selected one".
   * See docs/builtin-osc.md.
   */
  triggerIndexBase?: 0 | 1;
}

/** What happened to one received OSC message. */
export type OscServerOutcome = "accepted" | "rejected" | "error";

/** One line of the OSC server's log (Renoise shows these in its OSC preferences pane). */
export interface OscServerLogEntry {
  /** Virtual time in ms. */
  readonly time: number;
  /** "address:port" of the sender. */
  readonly from: string;
  /** The full address, e.g. "/renoise/song/bpm" ("" for a packet that is not OSC). */
  readonly address: string;
  /** The message's arguments as decoded. */
  readonly arguments: readonly OscValue[];
  readonly outcome: OscServerOutcome;
  /** Why a message was rejected, or the error a handler raised. */
  readonly reason?: string;
}

/** A note or MIDI message triggered through the realtime OSC messages. */
export type TriggeredEvent =
  | {
      readonly kind: "note_on";
      readonly time: number;
      readonly instrument: number;
      readonly track: number;
      readonly note: number;
      readonly velocity: number;
    }
  | { readonly kind: "note_off"; readonly time: number; readonly instrument: number; readonly track: number; readonly note: number }
  | { readonly kind: "midi"; readonly time: number; readonly bytes: readonly [number, number, number] };

/** Result of handing a message to the actions script. */
export type ActionResult = { readonly handled: true } | { readonly handled: false; readonly reason?: string } | { readonly error: string };

/**
 * Runs the global OSC actions (built in, or a user's actions file) for one
 * message. `pattern` is the address without "/renoise". Implemented in
 * src/tool (a Lua VM bound to the song).
 */
export interface OscActionsRunner {
  process(pattern: string, args: readonly OscValue[]): ActionResult;
  /** `available_messages()` of the script. */
  availableMessages(): Array<{ name: string; description: string; arguments: string[] }>;
  dispose(): void;
}

/** What the realtime triggers need from the song (1-based indices). */
export interface OscRealtimeSong {
  readonly selected_instrument_index: number;
  readonly selected_track_index: number;
  readonly instrumentCount: number;
  readonly trackCount: number;
}
