import { expect, it } from "vitest";
import { SocketErrors } from "../../src/index.js";
import { eventsOf, toolAndPhone } from "../support/tool-and-phone.js";

it("resets an upload after N bytes: the tool gets those bytes, then is_open turns false", () => {
  const { sim, notifier, messages } = toolAndPhone();
  sim.faults.reset({ conn: 1, afterBytes: 300 });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("a".repeat(200));
    c!.send("b".repeat(200));
    c!.send("c".repeat(200));
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["a".repeat(200), "b".repeat(100)]);
  const accepted = notifier.clients[0]!;
  expect(accepted.is_open).toBe(false);
  expect(eventsOf(sim.events, "fault").find((e) => e.action === "fire")).toMatchObject({ fault: "reset", conn: 1, kept: 100, discarded: 100 });
  expect(eventsOf(sim.events, "connection.peer-gone")[0]).toMatchObject({ reset: true });
});

it("resets a download at a virtual time: the tool's receive reports disconnected, send reports the reset", () => {
  const { sim, phone } = toolAndPhone();
  const [server] = phone.Socket.create_server(7000);
  server!.run({ socket_message: (c) => void c.send("partial data, more to com") });
  sim.faults.reset({ from: "server", host: "phone", at: 100 });
  const [c] = sim.renoise.Socket.create_client(phone.address, 7000);
  c!.send("GET\n");
  expect(c!.receive("*all", 50)).toEqual(["partial data, more to com", undefined]);
  expect(c!.receive("*all", 1000)).toEqual([undefined, SocketErrors.DISCONNECTED]);
  expect(sim.now).toBe(110);
  expect(c!.is_open).toBe(false);
});

it("makes a send after the reset fail with the reset error", () => {
  const { sim, phone } = toolAndPhone();
  phone.Socket.create_server(7000)[0]!.run({});
  const [c] = sim.renoise.Socket.create_client(phone.address, 7000);
  sim.faults.reset({ from: "server" });
  sim.advance(50);
  expect(c!.send("hello?")).toEqual([false, SocketErrors.CONNECTION_RESET]);
});
