import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { installRenoiseMatchers } from "../../src/vitest-base.js";

installRenoiseMatchers();

// The snapshot serializer prints a trace one short line per event.
describe("trace snapshot serializer", () => {
  it("prints a simulation's trace compactly", () => {
    const sim = createSimulation({ seed: 2, latency: 1 });
    const [server] = sim.renoise.Socket.create_server(7000, sim.renoise.Socket.PROTOCOL_UDP);
    server!.run({});
    sim.spawn(sim.addHost("pad"), function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 7000, 2);
      c!.send("/ping\0\0\0");
    });
    sim.runUntilIdle();
    expect(sim).toMatchInlineSnapshot(`
      Trace [
        0ms renoise host.add address=192.168.1.10
        0ms renoise server.create server="udp 0.0.0.0:7000"
        0ms renoise server.run server="udp 0.0.0.0:7000"
        0ms pad host.add address=10.0.0.2
        0ms pad client.create socket="udp 10.0.0.2:62060->192.168.1.10:7000"
        0ms pad udp.send from=10.0.0.2:62060 to=192.168.1.10:7000 8B "/ping\\0\\0\\0"
        1ms renoise udp.deliver from=10.0.0.2:62060 to=192.168.1.10:7000 8B "/ping\\0\\0\\0"
        1ms renoise callback server="udp 0.0.0.0:7000" callback=socket_message handled=false peer=10.0.0.2:62060 8B "/ping\\0\\0\\0"
      ]
    `);
  });

  it("leaves other arrays alone", () => {
    expect([1, 2]).toMatchInlineSnapshot(`
      [
        1,
        2,
      ]
    `);
  });
});
