import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("delivers a datagram twice with the given probability, as two socket_messages", () => {
  const { sim, phone, messages } = toolAndPhone({}, 2);
  sim.conditions.udp({ duplicate: 1 });
  const [c] = phone.Socket.create_client(sim.host.address, 8000, 2);
  c!.send("twice");
  sim.runUntilIdle();
  expect(messages()).toEqual(["twice", "twice"]);
  expect(sim.events.filter((e) => e.kind === "packet.duplicate")).toHaveLength(1);
});

it("never duplicates TCP data", () => {
  const { sim, messages } = toolAndPhone();
  sim.conditions.udp({ duplicate: 1 });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("once");
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["once"]);
});
