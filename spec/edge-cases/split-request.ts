import { createSimulation } from "../../src/index.js";
import type { EdgeCase } from "./edge-case.js";

export const splitRequest: EdgeCase = {
  slug: "split-request",
  title: "A request split over two socket_message calls",
  summary: `TCP is a byte stream (R21): one \`send\` of the peer may reach the tool as
several \`socket_message\` calls. Here the phone sends one HTTP request and the
network cuts it after 7 bytes. A tool that parses each message on its own
sees two broken requests; this one buffers per peer (keyed by
\`peer_address:peer_port\`, R25) until the blank line ends the request.`,
  source: "spec/edge-cases/split-request.ts",
  expected: [
    "socket_accepted(phone)",
    'socket_message(phone, "GET /st")',
    'socket_message(phone, "atus HTTP/1.0\\r\\n\\r\\n")',
    'send("HTTP/1.0 200 OK\\r\\n\\r\\nok")',
    'phone received "HTTP/1.0 200 OK\\r\\n\\r\\nok"',
  ],
  // #region split-request
  run() {
    const sim = createSimulation({ seed: 1, latency: 10 });
    sim.addHost("phone");
    const seen: string[] = [];
    const buffers = new Map<string, string>();
    const [server] = sim.renoise.Socket.create_server(8000);
    server!.run({
      socket_accepted: () => void seen.push("socket_accepted(phone)"),
      socket_message(client, message) {
        seen.push(`socket_message(phone, ${JSON.stringify(message)})`);
        const key = `${client.peer_address}:${client.peer_port}`;
        const request = (buffers.get(key) ?? "") + message;
        if (!request.includes("\r\n\r\n")) return void buffers.set(key, request);
        buffers.delete(key);
        const reply = "HTTP/1.0 200 OK\r\n\r\nok";
        seen.push(`send(${JSON.stringify(reply)})`);
        client.send(reply);
      },
    });
    // The fault: cut the phone's first send on connection 1 after 7 bytes.
    sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [7] }] });
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000);
      c!.send("GET /status HTTP/1.0\r\n\r\n");
      const [reply] = yield* peer.receive(c!, "*all", 1000);
      seen.push(`phone received ${JSON.stringify(reply)}`);
    });
    sim.runUntilIdle();
    return { sim, seen };
  },
  // #endregion
};
