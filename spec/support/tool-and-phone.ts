import { createSimulation, type Protocol, type SimulationOptions, type TraceEvent } from "../../src/index.js";
import { recorder } from "./world.js";

/**
 * The tool host "renoise" (192.168.1.10) runs a server on port 8000 that
 * records its callbacks; a second host "phone" (10.0.0.2) plays the peer.
 * Latency between hosts defaults to 10 ms.
 */
export function toolAndPhone(options: SimulationOptions = {}, protocol: Protocol = 1) {
  const sim = createSimulation({ seed: 1, latency: 10, ...options });
  const phone = sim.addHost("phone");
  const [server, err] = sim.renoise.Socket.create_server(8000, protocol);
  if (!server) throw new Error(`create_server failed: ${err}`);
  const notifier = recorder();
  server.run(notifier);
  /** The payloads of socket_message callbacks, in order. */
  const messages = (): string[] =>
    notifier.log.filter((l) => l.startsWith("message")).map((l) => JSON.parse(l.slice(l.indexOf('"'))) as string);
  return { sim, phone, server, notifier, log: notifier.log, messages };
}

/** Trace events of one kind. */
export function eventsOf(events: readonly TraceEvent[], kind: string): TraceEvent[] {
  return events.filter((e) => e.kind === kind);
}
