import { createSimulation } from "../../src/index.js";
import type { EdgeCase } from "./edge-case.js";

export const timeoutThenLateReply: EdgeCase = {
  slug: "timeout-then-late-reply",
  title: "A receive times out, then the reply arrives late",
  summary: `The tool asks a service on the phone for its status and waits 200 ms. The
reply is delayed by 300 ms on the way back, so the receive returns \`nil\`
and \`"timeout"\` — and the socket stays open (R13). The late reply is not
lost: the next receive returns it. A tool that sends a new request after a
timeout will read the *old* answer as the reply to the new question unless
it matches replies to requests (an id, a sequence number).`,
  source: "spec/edge-cases/timeout-then-late-reply.ts",
  expected: ['receive → nil, "timeout" at 220 ms', "is_open = true", 'receive → "status #1" at 340 ms (answer to the first request)'],
  // #region timeout-then-late-reply
  run() {
    const sim = createSimulation({ seed: 1, latency: 10 });
    const phone = sim.addHost("phone");
    const seen: string[] = [];
    let n = 0;
    phone.Socket.create_server(9000)[0]!.run({ socket_message: (c) => void c.send(`status #${++n}\n`) });
    // The fault: the phone's replies take 300 ms longer.
    sim.faults.rule((p) => (p.from === "phone" && p.kind === "data" ? { delay: 300 } : "pass"), "slow replies");
    const [c] = sim.renoise.Socket.create_client(phone.address, 9000);
    c!.send("status?\n");
    const [reply, err] = c!.receive("*line", 200);
    seen.push(`receive → ${String(reply ?? "nil")}, ${JSON.stringify(err)} at ${sim.now} ms`);
    seen.push(`is_open = ${String(c!.is_open)}`);
    c!.send("status?\n");
    const [late] = c!.receive("*line", 1000);
    seen.push(`receive → ${JSON.stringify(late)} at ${sim.now} ms (answer to the first request)`);
    sim.runUntilIdle();
    return { sim, seen };
  },
  // #endregion
};
