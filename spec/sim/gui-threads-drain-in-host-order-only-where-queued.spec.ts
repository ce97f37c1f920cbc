import { describe, expect, it } from "vitest";
import { createSimulation, formatTrace, type Simulation, type SocketClient } from "../../src/index.js";

// After every event the simulation runs the GUI threads that have callbacks
// queued, host by host in the order the hosts were added. It visits only the
// threads with something queued (Network.guiPending); visiting every host
// (what it does with more hosts than the bits cover, and what `all` forces)
// must give the same run, event for event. (With six hosts or fewer every
// host is visited anyway.)

/** Six hosts serving and calling one another over TCP and UDP, at one instant and with jitter. */
function busyWorld(seed: number, everyHost: boolean): string {
  const sim: Simulation = createSimulation({ seed });
  sim.conditions.latency({ fixed: 1, jitter: { uniform: 3 } });
  const hosts = ["h0", "h1", "h2", "h3", "h4", "h5"].map((n) => sim.addHost(n));
  // Set after the hosts are added: adding a host sets `all` from the number of hosts.
  if (everyHost) sim.network.guiPending.all = true;
  const got: string[] = [];
  hosts.forEach((h, i) => {
    const [tcp] = h.Socket.create_server(7000);
    tcp!.run({
      socket_message: (c: SocketClient, m: string) => {
        got.push(`${h.name} tcp ${m}`);
        if (c.is_open) c.send(`${h.name}:${m}`);
        // A datagram to an earlier and to a later host, from inside the callback.
        const [u] = h.Socket.create_client(hosts[(i + 5) % 6]!.address, 9000, 2);
        u?.send(`from ${h.name}`);
        const [v] = h.Socket.create_client(hosts[(i + 1) % 6]!.address, 9000, 2);
        v?.send(`from ${h.name}`);
      },
    });
    const [udp] = h.Socket.create_server(9000, 2);
    udp!.run({ socket_message: (_c: SocketClient, m: string) => got.push(`${h.name} udp ${m}`) });
  });
  hosts.forEach((h, i) => {
    sim.spawn(h, function* (peer) {
      for (const k of [1, 2, 4]) {
        const [c] = yield* peer.connect(hosts[(i + k) % 6]!.address, 7000);
        if (!c) continue;
        c.send(`m${i}.${k}\n`);
        const [r] = yield* peer.receive(c, "*all", 20);
        got.push(`${h.name} got ${String(r)}`);
        if (k === 2) yield* peer.sleep(i % 3);
        c.close();
      }
    });
  });
  sim.advance(200);
  sim.runUntilIdle();
  const text = `${formatTrace(sim.events)}\n${got.join("\n")}`;
  sim.dispose();
  return text;
}

describe("GUI threads: drained in host order, only those with queued work", () => {
  for (const seed of [1, 2, 3]) {
    it(`gives the run that visiting every host gives (seed ${seed})`, () => {
      const pending = busyWorld(seed, false);
      expect(pending.split("\n").filter((l) => l.includes(" udp from ")).length).toBeGreaterThan(20);
      expect(pending).toBe(busyWorld(seed, true));
    });
  }

  it("marks a host when work is queued and clears it once drained", () => {
    const sim = createSimulation();
    const a = sim.addHost("a");
    const b = sim.addHost("b");
    // More hosts than a drain visits one by one (FEW_HOSTS in gui-thread.ts): the marks decide.
    for (const n of ["c", "d", "e", "f", "g"]) sim.addHost(n);
    const [server] = b.Socket.create_server(9000, 2);
    server!.run({ socket_message: () => undefined });
    const bit = 1 << sim.network.hostList.findIndex((h) => h.name === "b");
    const [c] = a.Socket.create_client(b.address, 9000, 2);
    c!.send("x");
    expect(sim.network.guiPending.mask & bit).toBe(0);
    let ran = 0;
    sim.network.hostList.find((h) => h.name === "b")!.gui.enqueue({ dispatching: true, dead: false }, () => void ran++);
    expect(sim.network.guiPending.mask & bit).toBe(bit);
    sim.runUntilIdle();
    expect(ran).toBe(1);
    expect(sim.network.guiPending.mask).toBe(0);
    sim.dispose();
  });
});
