import { closedSocketRaises } from "./closed-socket-raises.js";
import { expectedFailuresReturn } from "./expected-failures-return.js";
import { lineHasNoNewline } from "./line-has-no-newline.js";
import { noCallbackWhenStopped } from "./no-callback-when-stopped.js";
import { receiveErrorState } from "./receive-error-state.js";
import { tcpAcceptedFirst } from "./tcp-accepted-first.js";
import { tcpStreamIntact } from "./tcp-stream-intact.js";
import type { Invariant, ObservedRun, Violation } from "./types.js";
import { udpOneDatagram } from "./udp-one-datagram.js";

/** Every built-in invariant, each naming the semantics rule it checks. Determinism is checked by {@link checkDeterminism}. */
export const builtinInvariants: readonly Invariant[] = Object.freeze([
  tcpAcceptedFirst,
  tcpStreamIntact,
  udpOneDatagram,
  noCallbackWhenStopped,
  closedSocketRaises,
  expectedFailuresReturn,
  lineHasNoNewline,
  receiveErrorState,
]);

/** Checks a run against invariants (default: all built-in ones) and lists what broke. */
export function checkInvariants(run: ObservedRun, invariants: readonly Invariant[] = builtinInvariants): Violation[] {
  const out: Violation[] = [];
  for (const inv of invariants) {
    for (const message of inv.check(run)) out.push({ invariant: inv.name, rule: inv.rule, message });
  }
  return out;
}

export {
  closedSocketRaises,
  expectedFailuresReturn,
  lineHasNoNewline,
  noCallbackWhenStopped,
  receiveErrorState,
  tcpAcceptedFirst,
  tcpStreamIntact,
  udpOneDatagram,
};
