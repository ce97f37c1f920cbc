import { expect, it } from "vitest";
import { serverWorld } from "../support/world.js";

// R17: socket_accepted fires once per TCP connection with a connected client; replies go through it.
it("fires socket_accepted once per connection, before its messages, and replies through the wrapper", () => {
  const { sim, Socket, server, log } = serverWorld(1, 7900);
  server.stop();
  server.run({
    socket_accepted: (c) => log.push(`accepted ${c.peer_port} open=${c.is_open} local=${c.local_port}`),
    socket_message: (c, m) => {
      log.push(`message ${c.peer_port} ${m}`);
      c.send(`ack ${m}\r`);
    },
  });
  const [a] = Socket.create_client("localhost", 7900);
  const [b] = Socket.create_client("localhost", 7900);
  a!.send("1");
  a!.send("2");
  b!.send("3");
  sim.advance(0);
  expect(log).toEqual([
    `accepted ${a!.local_port} open=true local=7900`,
    `accepted ${b!.local_port} open=true local=7900`,
    `message ${a!.local_port} 1`,
    `message ${a!.local_port} 2`,
    `message ${b!.local_port} 3`,
  ]);
  expect(a!.receive("*line", 10)).toEqual(["ack 1", undefined]);
  expect(a!.receive("*line", 10)).toEqual(["ack 2", undefined]);
  expect(b!.receive("*line", 10)).toEqual(["ack 3", undefined]);
});
