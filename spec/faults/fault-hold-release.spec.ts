import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("parks traffic until released, then delivers it in order", () => {
  const { sim, phone, messages } = toolAndPhone();
  const [c] = phone.Socket.create_client(sim.host.address, 8000);
  const hold = sim.faults.hold("phone", "renoise");
  c!.send("one,");
  c!.send("two,");
  sim.advance(1000);
  expect(messages()).toEqual([]);
  expect(hold.held().map((p) => [p.data, p.state])).toEqual([
    ["one,", "held"],
    ["two,", "held"],
  ]);
  expect(sim.faults.inFlight()).toHaveLength(2);
  expect(hold.release()).toBe(2);
  c!.send("three");
  sim.runUntilIdle();
  expect(messages()).toEqual(["one,", "two,", "three"]);
  expect(sim.now).toBe(20 + 1000 + 10);
  expect(sim.events.filter((e) => e.kind === "packet.hold")).toHaveLength(2);
  expect(sim.events.filter((e) => e.kind === "packet.release")).toHaveLength(2);
});

it("holds a connect: the handshake completes if released before the connect timeout", () => {
  const { sim, phone } = toolAndPhone();
  const hold = sim.faults.hold("phone", "renoise");
  sim.schedule(300, () => hold.release());
  const [c, err] = phone.Socket.create_client(sim.host.address, 8000, 1, 1000);
  expect(err).toBeUndefined();
  expect(c!.is_open).toBe(true);
  expect(sim.now).toBe(320);
});
