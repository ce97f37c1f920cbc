import { createSimulation } from "../../src/index.js";
import type { EdgeCase } from "./edge-case.js";

export const refusedConnect: EdgeCase = {
  slug: "refused-connect",
  title: "A connect to a port where nobody listens",
  summary: `The tool connects to the phone's remote-control port before the phone app
started its server. The phone's host answers the SYN with a reset at once,
so \`create_client\` returns \`nil\` and \`"Connection refused"\` after one round
trip — an expected failure, reported through the error value, never raised
(R9). A tool retries later, e.g. from a timer.`,
  source: "spec/edge-cases/refused-connect.ts",
  expected: ['create_client → nil, "Connection refused" after 20 ms', "create_client after the app started → connected"],
  // #region refused-connect
  run() {
    const sim = createSimulation({ seed: 1, latency: 10 });
    const phone = sim.addHost("phone");
    const seen: string[] = [];
    const { Socket } = sim.renoise;
    const [client, err] = Socket.create_client(phone.address, 9000);
    seen.push(`create_client → ${client ? "a client" : "nil"}, ${JSON.stringify(err)} after ${sim.now} ms`);
    // The phone app starts its server; the tool's retry succeeds.
    phone.Socket.create_server(9000)[0]!.run({});
    const [retry] = Socket.create_client(phone.address, 9000);
    seen.push(`create_client after the app started → ${retry?.is_open ? "connected" : "failed"}`);
    sim.runUntilIdle();
    return { sim, seen };
  },
  // #endregion
};
