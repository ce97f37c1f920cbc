import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// R5: PROTOCOL_TCP == 1, PROTOCOL_UDP == 2, TCP is the default.
it("exposes PROTOCOL_TCP = 1 and PROTOCOL_UDP = 2, and defaults to TCP", () => {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  expect(Socket.PROTOCOL_TCP).toBe(1);
  expect(Socket.PROTOCOL_UDP).toBe(2);
  const [server] = Socket.create_server(4000);
  // A TCP server accepts a TCP connection: the default protocol was TCP.
  const [client, err] = Socket.create_client("localhost", 4000);
  expect(err).toBeUndefined();
  expect(client!.is_open).toBe(true);
  expect(sim.events.some((e) => e.kind === "server.create" && e.server === "tcp 0.0.0.0:4000")).toBe(true);
  // The same port is still free for UDP: TCP was used.
  const [udp, udpErr] = Socket.create_server(4000, Socket.PROTOCOL_UDP);
  expect(udpErr).toBeUndefined();
  server!.close();
  udp!.close();
});
