import { expect, it } from "vitest";
import { createSimulation, SimulationLimitError } from "../../src/index.js";

// A handler that keeps the network busy forever hits a clear limit instead of hanging.
it("aborts runUntilIdle with a SimulationLimitError saying how far it got", () => {
  const sim = createSimulation({ maxEvents: 5_000, latency: 1 });
  const other = sim.addHost("other");
  // Two UDP servers that answer every datagram to the other's port 9200: endless ping-pong.
  for (const host of [sim.host, other]) {
    host.Socket.create_server(9200, 2)[0]!.run({
      socket_message: (c, m) => {
        const [reply] = host.Socket.create_client(c.peer_address, 9200, 2);
        reply!.send(m);
        reply!.close();
      },
    });
  }
  sim.schedule(0, () => void other.Socket.create_client("192.168.1.10", 9200, 2)[0]!.send("ball"));
  let err: unknown;
  try {
    sim.runUntilIdle();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SimulationLimitError);
  expect(String(err)).toMatch(/runUntilIdle aborted after 5000 events, from 0 ms to \d+ ms of virtual time/);
  expect(String(err)).toMatch(/raise maxEvents/);
});

it("stops a peer that never stops sending, when asked to run until the network is quiet", () => {
  const sim = createSimulation({ maxEvents: 3_000, latency: 1 });
  const [server] = sim.renoise.Socket.create_server(9300);
  let got = 0;
  server!.run({ socket_message: () => void got++ });
  sim.addHost("chatty");
  sim.spawn("chatty", function* (peer) {
    const [c] = yield* peer.connect("192.168.1.10", 9300);
    for (;;) {
      c!.send("more");
      yield* peer.sleep(1);
    }
  });
  expect(() => sim.runUntilIdle()).toThrow(SimulationLimitError);
  expect(got).toBeGreaterThan(100);
  // A bounded run of the same world still works.
  sim.advance(10);
});
