import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("cuts both directions: datagrams are lost, TCP data waits and arrives after the heal", () => {
  const { sim, phone, messages } = toolAndPhone();
  const got: string[] = [];
  const [udp] = phone.Socket.create_server(9000, 2);
  udp!.run({ socket_message: (_c, m) => void got.push(m) });
  const [tcp] = phone.Socket.create_client(sim.host.address, 8000);
  const [toPhone] = sim.renoise.Socket.create_client(phone.address, 9000, 2);

  const cut = sim.faults.partition("renoise", "phone");
  tcp!.send("during");
  toPhone!.send("lost");
  sim.advance(500);
  expect(messages()).toEqual([]);
  expect(got).toEqual([]);
  cut.remove();
  sim.runUntilIdle();
  expect(messages()).toEqual(["during"]);
  expect(got).toEqual([]);
  // Lost at 10 ms; retransmissions after 200 ms (lost) and 400 ms (after the heal at 500 ms).
  expect(sim.events.filter((e) => e.kind === "tcp.deliver")[0]!.t).toBe(10 + 200 + 10 + 400 + 10);
  expect(sim.events.filter((e) => e.kind === "fault").map((e) => `${e.fault} ${e.action}`)).toEqual(["partition on", "partition off"]);
});

it("cuts one direction only with oneWay", () => {
  const { sim, phone, messages } = toolAndPhone({}, 2);
  const got: string[] = [];
  phone.Socket.create_server(9000, 2)[0]!.run({ socket_message: (_c, m) => void got.push(m) });
  sim.faults.partition("phone", "renoise", { oneWay: true });
  phone.Socket.create_client(sim.host.address, 8000, 2)[0]!.send("up");
  sim.renoise.Socket.create_client(phone.address, 9000, 2)[0]!.send("down");
  sim.runUntilIdle();
  expect(messages()).toEqual([]);
  expect(got).toEqual(["down"]);
});

it("heals by host names, and partitions groups of hosts", () => {
  const { sim, messages } = toolAndPhone({}, 2);
  const tablet = sim.addHost("tablet");
  sim.faults.partition(["renoise"], ["phone", "tablet"]);
  tablet.Socket.create_client(sim.host.address, 8000, 2)[0]!.send("t1");
  sim.runUntilIdle();
  expect(messages()).toEqual([]);
  sim.faults.heal(["phone", "tablet"], "renoise");
  tablet.Socket.create_client(sim.host.address, 8000, 2)[0]!.send("t2");
  sim.runUntilIdle();
  expect(messages()).toEqual(["t2"]);
});
