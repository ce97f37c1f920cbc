import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../src/index.js";
import {
  closedSocketRaises,
  expectedFailuresReturn,
  lineHasNoNewline,
  noCallbackWhenStopped,
  receiveErrorState,
  runScenario,
  tcpAcceptedFirst,
  tcpStreamIntact,
  udpOneDatagram,
  type CallRecord,
  type Invariant,
  type ObservedRun,
  type FuzzScenario,
} from "../../src/prop/index.js";
import { startRestlessEcho } from "../../fixtures/notifiers/restless-echo.js";

// Each built-in invariant must hold on a real run and flag a forged violation of its rule,
// so that "no violations" in the property specs means something.
function scenario(protocol: "tcp" | "udp"): FuzzScenario {
  return {
    protocol,
    seed: 1,
    peers: [
      {
        steps: [
          { op: "connect", gap: 0 },
          { op: "send", gap: 0, data: "hello" },
          { op: "wait", gap: 0, ms: 20, mode: "*line" },
          { op: "send", gap: 0, data: "world" },
          { op: "close", gap: 5 },
        ],
      },
    ],
    splits: [],
    merges: [],
  };
}

const tcp = runScenario(scenario("tcp"), { start: startRestlessEcho });
const udp = runScenario(scenario("udp"), { start: startRestlessEcho });

const edit = (events: readonly TraceEvent[], pick: (e: TraceEvent) => boolean, change: (e: TraceEvent) => TraceEvent): TraceEvent[] => {
  let done = false;
  return events.map((e) => {
    if (done || !pick(e)) return e;
    done = true;
    return change({ ...e });
  });
};
const isCallback = (name: string) => (e: TraceEvent) => e.kind === "callback" && e.callback === name;
const withCalls = (run: ObservedRun, change: (c: CallRecord) => CallRecord | undefined): ObservedRun => {
  let done = false;
  return {
    ...run,
    calls: run.calls.map((c) => {
      if (done) return c;
      const x = change(c);
      if (x) done = true;
      return x ?? c;
    }),
  };
};

const cases: [Invariant, ObservedRun, () => ObservedRun][] = [
  [tcpAcceptedFirst, tcp, () => ({ ...tcp, events: tcp.events.filter((e) => !isCallback("socket_accepted")(e)) })],
  [tcpStreamIntact, tcp, () => ({ ...tcp, events: edit(tcp.events, isCallback("socket_message"), (e) => ({ ...e, data: "hellO" })) })],
  [udpOneDatagram, udp, () => ({ ...udp, events: edit(udp.events, isCallback("socket_message"), (e) => ({ ...e, data: "hel" })) })],
  [udpOneDatagram, udp, () => ({ ...udp, events: edit(udp.events, isCallback("socket_message"), (e) => ({ ...e, callback: "socket_accepted" })) })],
  [
    noCallbackWhenStopped,
    tcp,
    () => ({ ...tcp, events: edit(tcp.events, isCallback("socket_message"), (e) => ({ ...e, kind: "server.stop" })) }),
  ],
  [closedSocketRaises, tcp, () => withCalls(tcp, (c) => (c.probe && c.call === "send" ? { ...c, outcome: "error", error: "closed" } : undefined))],
  [expectedFailuresReturn, tcp, () => withCalls(tcp, (c) => (c.call === "send" && !c.probe ? { ...c, outcome: "threw", error: "boom" } : undefined))],
  [
    lineHasNoNewline,
    tcp,
    () => ({ ...tcp, events: edit(tcp.events, (e) => e.kind === "client.receive" && e.mode === "*line", (e) => ({ ...e, data: "HELLO\\r" })) }),
  ],
  [
    receiveErrorState,
    tcp,
    () => withCalls(tcp, (c) => (c.call === "receive" && !c.probe ? { ...c, outcome: "error", error: "disconnected", isOpenAfter: true } : undefined)),
  ],
];

describe("built-in invariants flag what they forbid", () => {
  it.each(cases.map(([inv, real, forge], i) => [`${inv.name} (${inv.rule}) #${i}`, inv, real, forge] as const))(
    "%s",
    (_name, inv, real, forge) => {
      expect(inv.check(real)).toEqual([]);
      const violations = inv.check(forge());
      expect(violations.length).toBeGreaterThan(0);
      console.log(`${inv.name}: ${violations[0]}`);
    },
  );
});
