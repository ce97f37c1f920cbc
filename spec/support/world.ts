import { createSimulation, type Notifier, type SimulationOptions, type SocketClient } from "../../src/index.js";

/** A notifier that records every callback as a readable line. */
export function recorder(): Notifier & { log: string[]; clients: SocketClient[] } {
  const log: string[] = [];
  const clients: SocketClient[] = [];
  return {
    log,
    clients,
    socket_error(msg) {
      log.push(`error ${msg}`);
    },
    socket_accepted(c) {
      clients.push(c);
      log.push(`accepted ${c.peer_address}:${c.peer_port}`);
    },
    socket_message(c, m) {
      clients.push(c);
      log.push(`message ${c.peer_address}:${c.peer_port} ${JSON.stringify(m)}`);
    },
  };
}

/** A simulation with a running TCP (or UDP) server on the tool host at `port`. */
export function serverWorld(protocol: 1 | 2 = 1, port = 5000, options: SimulationOptions = {}) {
  const sim = createSimulation({ seed: 1, ...options });
  const { Socket } = sim.renoise;
  const [server, err] = Socket.create_server(port, protocol);
  if (!server) throw new Error(`create_server failed: ${err}`);
  const notifier = recorder();
  server.run(notifier);
  return { sim, Socket, server, notifier, log: notifier.log };
}
