import { describe, expect, it } from "vitest";
import type { Notifier, SocketClient } from "../../src/index.js";
import { fuzzNotifier, fuzzNotifierDetails, tcpStreams, type FuzzInvariant } from "../../src/prop/index.js";

// A byte counter: the notifier's own state is what the user's invariant checks.
class ByteCounter implements Notifier {
  bytes = 0;
  constructor(private readonly sloppy = false) {}
  socket_message(_client: SocketClient, message: string): void {
    // The sloppy one ignores a message's last byte when it is a NUL (as if it were a C terminator).
    this.bytes += this.sloppy && message.endsWith("\0") ? message.length - 1 : message.length;
  }
}

const countsEveryByte: FuzzInvariant<ByteCounter> = (run) => {
  const sent = tcpStreams(run.events).reduce((n, s) => n + s.sent.length, 0);
  expect(run.notifier.bytes, "bytes counted").toBe(sent);
};
const options = { seed: 11, runs: 80, log: false as const };

// User invariants use the usual `expect`, or return false; they see the trace and the notifier.
describe("fuzzNotifier with the user's own invariants", () => {
  it("passes a correct notifier", () => {
    expect(() => fuzzNotifier(() => new ByteCounter(), { ...options, invariants: [countsEveryByte] })).not.toThrow();
  });

  it("fails an expect() inside an invariant and reports its message", () => {
    const d = fuzzNotifierDetails(() => new ByteCounter(true), { ...options, invariants: [countsEveryByte] });
    expect(d.ok).toBe(false);
    expect(d.failure!.reason).toMatch(/invariant countsEveryByte failed: AssertionError: bytes counted/);
    // The smallest case: one message that is a single NUL byte.
    expect(d.failure!.scenario.peers[0]!.steps).toContainEqual({ op: "send", gap: 0, data: "\0" });
  });

  it("fails an invariant that returns false", () => {
    const d = fuzzNotifierDetails(() => new ByteCounter(), { ...options, invariants: [function neverMoreThan3(run) {
      return run.notifier.bytes <= 3;
    }] });
    expect(d.failure!.reason).toBe("invariant neverMoreThan3 returned false");
    expect(d.failure!.sizeAfter.bytes).toBe(4);
  });
});
