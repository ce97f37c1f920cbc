import { createSimulation, type Simulation } from "../../src/sim/simulation.js";
import type { Notifier, SocketClient } from "../../src/renoise/socket/types.js";

/**
 * The built-in demo: an echo server on the Renoise host (TCP and UDP on port
 * 8000) and three simulated clients on other hosts — two TCP, one UDP — with
 * 5 ms one-way latency. Returns the simulation after everything settled.
 */
export function runEchoDemo(seed = 1): Simulation {
  const sim = createSimulation({ seed, latency: 5 });
  const { Socket } = sim.renoise;

  // The tool under test: echoes every TCP line back, answers UDP pings on a client.
  const [tcp] = Socket.create_server(8000, Socket.PROTOCOL_TCP);
  const [udp] = Socket.create_server(8000, Socket.PROTOCOL_UDP);
  const echo: Notifier = {
    socket_accepted(client: SocketClient) {
      client.send(`welcome ${client.peer_address}\n`);
    },
    socket_message(client: SocketClient, message: string) {
      if (client.is_open) {
        client.send(`echo: ${message}`);
      } else {
        // UDP: the dummy socket cannot send; reply through a client, as Renoise tools do.
        const [reply] = Socket.create_client(client.peer_address, client.peer_port, Socket.PROTOCOL_UDP);
        reply?.send(`echo: ${message}`);
        reply?.close();
      }
    },
  };
  tcp!.run(echo);
  udp!.run(echo);

  // Three peers on their own hosts.
  const alice = sim.addHost("alice");
  const bob = sim.addHost("bob");
  const carol = sim.addHost("carol");

  // Peer scripts wait in virtual time (yield*), so all three run side by side.
  sim.spawn(alice, function* (peer) {
    const [c] = yield* peer.connect("192.168.1.10", 8000);
    yield* peer.receive(c!, "*line", 100);
    c!.send("hello from alice\n");
    yield* peer.receive(c!, "*line", 100);
    c!.close();
  });
  sim.spawn(bob, function* (peer) {
    yield* peer.sleep(3);
    const [c] = yield* peer.connect("192.168.1.10", 8000);
    yield* peer.receive(c!, "*line", 100);
    // Two sends in a row: by default each arrives as its own socket_message.
    c!.send("bob says hi\n");
    c!.send("and bye\n");
    yield* peer.receive(c!, "*line", 100);
    yield* peer.receive(c!, "*line", 100);
    c!.close();
  });
  sim.spawn(carol, function* (peer) {
    yield* peer.sleep(7);
    const [c] = yield* peer.connect("192.168.1.10", 8000, 2);
    c!.send("ping from carol");
    yield* peer.receive(c!, "*all", 100);
    c!.close();
  });

  sim.runUntilIdle();
  return sim;
}
