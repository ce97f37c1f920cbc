import { createSimulation, type SocketClient } from "../../src/index.js";
import type { EdgeCase } from "./edge-case.js";

export const resetMidStream: EdgeCase = {
  slug: "reset-mid-stream",
  title: "A peer resets the connection in the middle of an upload",
  summary: `The phone uploads 300 bytes in three sends, but the connection is reset
after 150 bytes (the phone's app crashed, or a middlebox gave up). The tool
gets the bytes that made it, then nothing: there is no disconnect callback
(R24). The accepted socket's \`is_open\` turns false, which is how a tool
notices; a tool that waits for the rest of the upload must time out.`,
  source: "spec/edge-cases/reset-mid-stream.ts",
  expected: ["socket_accepted(phone)", "socket_message(phone, 100 bytes)", "socket_message(phone, 50 bytes)", "timer: is_open = false, 150 of 300 bytes"],
  // #region reset-mid-stream
  run() {
    const sim = createSimulation({ seed: 1, latency: 10 });
    sim.addHost("phone");
    const seen: string[] = [];
    let upload = "";
    let connection: SocketClient | undefined;
    const [server] = sim.renoise.Socket.create_server(8000);
    server!.run({
      socket_accepted(client) {
        connection = client;
        seen.push("socket_accepted(phone)");
      },
      socket_message(_client, message) {
        upload += message;
        seen.push(`socket_message(phone, ${message.length} bytes)`);
      },
    });
    // The fault: the client side resets once it has sent 150 bytes.
    sim.faults.reset({ conn: 1, afterBytes: 150 });
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000);
      for (let i = 0; i < 3; i++) {
        c!.send("x".repeat(100));
        yield* peer.sleep(5);
      }
    });
    // The tool's own timer checks the connection later.
    sim.schedule(500, () => void seen.push(`timer: is_open = ${String(connection!.is_open)}, ${upload.length} of 300 bytes`));
    sim.runUntilIdle();
    return { sim, seen };
  },
  // #endregion
};
