// The fault one-liners from README.md, run as written: each must install and show in the trace.
import { expect, test } from "vitest";
import { createSimulation } from "../../src/index.js";

test("README fault one-liners install and are traced", () => {
  const sim = createSimulation({ seed: 1 });
  sim.addHost("phone");
  sim.renoise.Socket.create_server(8000);
  sim.conditions.latency({ fixed: 20, jitter: { uniform: 10 } }); // seeded jitter
  sim.conditions.streamCut({ split: { probability: 0.5 }, merge: "queued" }); // TCP split/merge (R21)
  sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [7] }] }); // exactly this cut
  sim.faults.partition("renoise", "phone"); // heal with .remove()
  sim.faults.reset({ host: "phone", afterBytes: 100 }); // reset mid-stream
  sim.conditions.udp({ loss: 0.1, duplicate: 0.05, reorder: 0.2 });
  sim.faults.serverError({ port: 8000, at: 500 }); // socket_error (R19)
  const kinds = sim.events.filter((e) => e.kind === "fault" || e.kind === "condition");
  expect(kinds.length).toBeGreaterThanOrEqual(7);
});
