import { createSimulation } from "../../src/index.js";
import type { EdgeCase } from "./edge-case.js";

export const mergedRequests: EdgeCase = {
  slug: "merged-requests",
  title: "Two requests merged into one socket_message",
  summary: `Real TCP also merges: two sends made back to back can arrive as one
\`socket_message\` (R21 leaves this open; the simulation can do it on demand).
Here the phone sends two line-based commands at once and the network
delivers them together. A tool that treats each message as one command
answers only once; this one splits the buffered bytes into lines and keeps
a trailing partial line for later.`,
  source: "spec/edge-cases/merged-requests.ts",
  expected: [
    'socket_message(phone, "volume 80\\nplay\\n")',
    'command "volume 80"',
    'command "play"',
    'phone received "ok volume 80", "ok play"',
  ],
  // #region merged-requests
  run() {
    const sim = createSimulation({ seed: 1, latency: 10 });
    sim.addHost("phone");
    const seen: string[] = [];
    const pending = new Map<string, string>();
    const [server] = sim.renoise.Socket.create_server(8000);
    server!.run({
      socket_message(client, message) {
        seen.push(`socket_message(phone, ${JSON.stringify(message)})`);
        const key = `${client.peer_address}:${client.peer_port}`;
        const lines = ((pending.get(key) ?? "") + message).split("\n");
        pending.set(key, lines.pop()!);
        for (const line of lines) {
          seen.push(`command ${JSON.stringify(line)}`);
          client.send(`ok ${line}\n`);
        }
      },
    });
    // The fault: deliver the phone's send #1 together with send #0.
    sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }] });
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000);
      c!.send("volume 80\n");
      c!.send("play\n");
      const [first] = yield* peer.receive(c!, "*line", 1000);
      const [second] = yield* peer.receive(c!, "*line", 1000);
      seen.push(`phone received ${JSON.stringify(first)}, ${JSON.stringify(second)}`);
    });
    sim.runUntilIdle();
    return { sim, seen };
  },
  // #endregion
};
