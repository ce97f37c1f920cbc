import type { ByteString } from "../../core/bytes.js";
import type { WaitMode } from "../scenario.js";

/** The state of a peer's socket as its script knows it, just before a call. */
export type PeerSocketState = "none" | "open" | "failed" | "closed";

/** What a socket call did: returned a value, returned an error string, raised, or was not made. */
export type CallOutcome = "ok" | "error" | "threw" | "skipped";

/**
 * One renoise.Socket call a peer made while a scenario ran. The built-in
 * invariants read these next to the trace: expected failures must come back
 * as error strings (R9), calls on closed sockets must raise (R10, R13, R14).
 */
export interface CallRecord {
  readonly peer: string;
  /** Virtual time of the call. */
  readonly t: number;
  /** Index of the scenario step that made the call. */
  readonly step: number;
  readonly call: "create_client" | "send" | "receive" | "close" | "reset" | "is_open" | "local_port";
  /** State of the socket before the call. */
  readonly state: PeerSocketState;
  /** A deliberate call on a closed or failed socket, made to check that it raises. */
  readonly probe: boolean;
  readonly outcome: CallOutcome;
  /** The error string (outcome "error") or the raised error's message (outcome "threw"). */
  readonly error?: string;
  /** The raised error's `name` (outcome "threw"). */
  readonly errorName?: string;
  /** Receive mode (receive calls). */
  readonly mode?: WaitMode;
  /** Data a receive returned. */
  readonly data?: ByteString;
  /** `is_open` read right after the call (receive calls and `is_open` probes). */
  readonly isOpenAfter?: boolean;
}
