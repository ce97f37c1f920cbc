import type { Simulation } from "../../src/index.js";

/** A small line-protocol tool on port 8000 (TCP and UDP) that reassembles lines per peer. */
export function createLineEchoTool(sim: Simulation): void {
  const { Socket } = sim.renoise;
  const [tcp] = Socket.create_server(8000);
  const [udp] = Socket.create_server(8000, Socket.PROTOCOL_UDP);
  const partial = new Map<string, string>();
  const notifier = {
    socket_message(c: { peer_address: string; peer_port: number; is_open: boolean; send(m: string): unknown }, m: string) {
      if (!c.is_open) return; // UDP: just listen
      const key = `${c.peer_address}:${c.peer_port}`;
      const lines = ((partial.get(key) ?? "") + m).split("\n");
      partial.set(key, lines.pop()!);
      for (const line of lines) c.send(`echo: ${line}\n`);
    },
  };
  tcp!.run(notifier);
  udp!.run(notifier);
}
