import { expect, it } from "vitest";
import { SocketErrors } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("closes the stream in order: the tool reads what was sent, then disconnected", () => {
  const { sim, phone } = toolAndPhone();
  const [server] = phone.Socket.create_server(7000);
  server!.run({ socket_accepted: (c) => void c.send("line 1\nline 2\n") });
  sim.faults.closeByPeer({ from: "server", afterBytes: 14 });
  const [c] = sim.renoise.Socket.create_client(phone.address, 7000);
  expect(c!.receive("*line", 500)).toEqual(["line 1", undefined]);
  expect(c!.receive("*line", 500)).toEqual(["line 2", undefined]);
  expect(c!.receive("*line", 500)).toEqual([undefined, SocketErrors.DISCONNECTED]);
  expect(sim.events.some((e) => e.kind === "tcp.close" && e.why === "fault: close by peer")).toBe(true);
});

it("closes the peer's side of a connection to the tool's server: is_open turns false, no callback", () => {
  const { sim, notifier, log } = toolAndPhone();
  sim.spawn("phone", function* (peer) {
    yield* peer.connect(sim.host.address, 8000);
  });
  sim.advance(30);
  sim.faults.closeByPeer({ conn: 1 });
  sim.runUntilIdle();
  expect(notifier.clients[0]!.is_open).toBe(false);
  expect(log).toHaveLength(1);
});
