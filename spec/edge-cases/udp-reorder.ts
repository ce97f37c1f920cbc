import { createSimulation } from "../../src/index.js";
import type { EdgeCase } from "./edge-case.js";

export const udpReorder: EdgeCase = {
  slug: "udp-reorder",
  title: "UDP datagrams arrive out of order",
  summary: `UDP keeps datagram boundaries (R22) but not their order. The phone sends
four numbered control values; the first is held up on the way and
arrives last. A tool that applies values in arrival order ends with a stale
value; one that carries a sequence number (or a time tag) can drop it.`,
  source: "spec/edge-cases/udp-reorder.ts",
  expected: ['socket_message(phone, "1 volume=10")', 'socket_message(phone, "2 volume=20")', 'socket_message(phone, "3 volume=30")', 'socket_message(phone, "0 volume=0")', "volume = 30 (stale value 0 dropped)"],
  // #region udp-reorder
  run() {
    const sim = createSimulation({ seed: 1, latency: 10 });
    const phone = sim.addHost("phone");
    const seen: string[] = [];
    let newest = -1;
    let volume = 0;
    const [server] = sim.renoise.Socket.create_server(8000, 2);
    server!.run({
      socket_message(_client, message) {
        seen.push(`socket_message(phone, ${JSON.stringify(message)})`);
        const [seq, value] = message.split(" volume=").map(Number) as [number, number];
        if (seq > newest) [newest, volume] = [seq, value];
      },
    });
    // The fault: the first datagram takes 15 ms longer than the others.
    sim.faults.rule((p) => (p.proto === "udp" && p.data?.startsWith("0 ") ? { delay: 15 } : "pass"));
    const [u] = phone.Socket.create_client(sim.host.address, 8000, 2);
    for (let i = 0; i < 4; i++) u!.send(`${i} volume=${i * 10}`);
    sim.runUntilIdle();
    seen.push(`volume = ${volume} (stale value 0 dropped)`);
    return { sim, seen };
  },
  // #endregion
};
