import { createSimulation, type SocketClient } from "../../src/index.js";

/**
 * A small world exercising every condition and fault kind at once: TCP and
 * UDP, jitter, bandwidth, random stream cutting, UDP loss/duplication/
 * reordering, a stream cut plan, a custom rule, partition and heal, hold and
 * release, blackhole, crash and restart, reset, close by peer, half-open and
 * an injected socket_error. Returns the JSON Lines trace.
 */
export function mixedScenario(seed: number): string {
  const sim = createSimulation({ seed, trace: { payloadLimit: 64 } });
  sim.addHost("phone");
  const tablet = sim.addHost("tablet");
  sim.conditions.latency({ fixed: 5, jitter: { uniform: 4 } });
  sim.conditions.bandwidth(200_000, { between: ["renoise", "phone"] });
  sim.conditions.streamCut({ split: { probability: 0.3 }, merge: { probability: 0.3 } });
  sim.conditions.udp({ loss: 0.1, duplicate: 0.1, reorder: 0.2 });
  sim.conditions.tcp({ retries: 2, rto: 20 });

  const { Socket } = sim.renoise;
  const [tcp] = Socket.create_server(8000);
  tcp!.run({
    socket_error: () => undefined,
    socket_message: (c, m) => {
      if (c.is_open) c.send(`echo ${m.length}\n`);
    },
  });
  const [udp] = Socket.create_server(9000, 2);
  udp!.run({ socket_message: () => undefined });
  tablet.Socket.create_server(7000)[0]!.run({});

  sim.faults.cutStream({ splits: [{ conn: 1, send: 1, at: [2] }], merges: [{ conn: 2, send: 1 }] });
  sim.faults.rule((p) => (p.proto === "udp" && p.bytes > 6 ? { delay: 3 } : "pass"), "slow long datagrams");
  sim.faults.serverError({ port: 8000, at: 40 });
  sim.faults.reset({ conn: 3, afterBytes: 10 });
  sim.faults.closeByPeer({ conn: 2, at: 50 });
  sim.faults.halfOpen({ conn: 4, at: 90 });
  sim.faults.blackhole("tablet:7000");
  sim.schedule(30, () => {
    const cut = sim.faults.partition("renoise", "tablet");
    sim.schedule(50, () => cut.remove());
  });
  sim.schedule(12, () => {
    const hold = sim.faults.hold("phone", "renoise", { oneWay: true });
    sim.schedule(10, () => hold.release());
  });
  sim.schedule(100, () => void sim.faults.crash("tablet", { restartAfter: 20 }));

  for (const host of ["phone", "tablet", "phone", "tablet"]) {
    sim.spawn(host, function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000, 1, 200);
      if (!c) return;
      for (let i = 0; i < 4; i++) {
        if (!c.is_open) return;
        c.send(`${host} line ${i}\n`);
        yield* peer.receive(c, "*line", 30);
        if (!c.is_open) return;
      }
    });
  }
  sim.spawn("phone", function* (peer) {
    yield* peer.connect(tablet.address, 7000, 1, 50);
    const [u] = peer.Socket.create_client(sim.host.address, 9000, 2) as [SocketClient, undefined];
    for (let i = 0; i < 6; i++) {
      u.send(i % 2 ? `dg ${i}` : `datagram ${i}`);
      yield* peer.sleep(7);
    }
  });
  sim.advance(400);
  const out = sim.traceJsonl();
  sim.dispose();
  return out;
}
