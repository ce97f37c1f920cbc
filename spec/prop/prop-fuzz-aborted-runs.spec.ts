import { describe, expect, it } from "vitest";
import type { Notifier } from "../../src/index.js";
import { fuzzNotifierDetails, type FuzzContext } from "../../src/prop/index.js";

// A tool that floods itself, or a factory that raises, is reported like any other failure.
describe("fuzzNotifier reports runs that cannot complete", () => {
  it("a notifier that echoes every datagram to its own port aborts with SimulationLimitError", () => {
    const flood = (ctx: FuzzContext): Notifier => ({
      socket_message(_client, message) {
        const [self] = ctx.Socket.create_client("127.0.0.1", ctx.port, ctx.Socket.PROTOCOL_UDP);
        self!.send(message);
        self!.close();
      },
    });
    const d = fuzzNotifierDetails(flood, { seed: 9, runs: 20, protocols: ["udp"], maxEvents: 2_000, log: false });
    const f = d.failure!;
    expect(f.reason).toMatch(/^the run aborted: SimulationLimitError: renoise-sim: advance aborted after 2000 events/);
    expect(f.sizeAfter).toMatchObject({ peers: 1, steps: 2, sends: 1 });
    expect(f.trace).toContain("udp.send");
  });

  it("a makeNotifier that raises is reported with its error", () => {
    const d = fuzzNotifierDetails(
      (): Notifier => {
        throw new Error("preferences not loaded");
      },
      { seed: 9, runs: 5, log: false },
    );
    expect(d.failure!.reason).toBe("Error: preferences not loaded");
    expect(d.failure!.trace).toBe("");
  });
});
