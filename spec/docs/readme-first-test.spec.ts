// The "first test" from README.md, verbatim except for the import path.
import { expect, test } from "vitest";
import { createSimulation } from "../../src/index.js";

test("my tool answers PING with PONG", () => {
  const sim = createSimulation({ seed: 1, latency: 10 });
  const { Socket } = sim.renoise;

  // The tool under test: a line-based TCP server.
  const [server, err] = Socket.create_server(8000);
  expect(err).toBeUndefined();
  server!.run({
    socket_message(client, message) {
      if (message === "PING\n") client.send("PONG\n");
    },
  });

  // A simulated phone on the network talks to it.
  const phone = sim.addHost("phone");
  const [client] = phone.Socket.create_client("192.168.1.10", 8000);
  client!.send("PING\n");
  expect(client!.receive("*line", 500)).toEqual(["PONG", undefined]);
  expect(sim.now).toBe(40); // connect + request + reply, in virtual ms

  console.log(sim.formatTrace());
});
