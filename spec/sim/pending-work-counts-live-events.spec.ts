import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// pendingWork().events counts events still to run; cancelled ones (a peer's unused
// timeout wake-up, a cancelled schedule) are not counted.
it("does not count cancelled events as pending work", () => {
  const sim = createSimulation({ latency: 5 });
  sim.renoise.Socket.create_server(8000);
  sim.addHost("p");
  const cancel = sim.schedule(50, () => undefined);
  expect(sim.pendingWork().events).toBe(1);
  cancel();
  cancel(); // twice is harmless
  expect(sim.pendingWork().events).toBe(0);
  sim.spawn("p", function* (peer) {
    yield* peer.connect("192.168.1.10", 8000); // waits with a 1000 ms timeout wake-up
  });
  sim.advance(20); // connected at 10 ms: the wake-up is cancelled
  expect(sim.pendingWork().events).toBe(0);
});
