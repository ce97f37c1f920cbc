import type { Simulation } from "../../sim/simulation.js";
import type { PlannedFault, FuzzProtocol } from "../scenario.js";

/**
 * Installs a scenario's faults on a fresh simulation through `sim.faults`
 * and `sim.conditions`; timed ones are scheduled at their virtual time.
 */
export function applyFaults(
  sim: Simulation,
  faults: readonly PlannedFault[],
  peers: readonly string[],
  server: { port: number; protocol: FuzzProtocol },
): void {
  const tool = sim.host.name;
  for (const f of faults) {
    switch (f.kind) {
      case "jitter":
        sim.conditions.latency({ fixed: f.fixed, jitter: { uniform: f.jitter } });
        break;
      case "udp":
        sim.conditions.udp({ loss: f.loss, duplicate: f.duplicate, reorder: f.reorder });
        break;
      case "partition":
        sim.schedule(f.at, () => {
          const cut = sim.faults.partition(tool, peers[f.peer]!);
          sim.schedule(f.ms, () => cut.remove());
        });
        break;
      case "reset":
        sim.faults.reset({ host: peers[f.peer]!, from: "client", at: f.at });
        break;
      case "close-by-peer":
        sim.faults.closeByPeer({ host: peers[f.peer]!, from: "client", at: f.at });
        break;
      case "half-open":
        sim.faults.halfOpen({ host: peers[f.peer]!, from: "client", at: f.at });
        break;
      case "server-error":
        sim.faults.serverError({ port: server.port, proto: server.protocol, at: f.at });
        break;
    }
  }
}
