import { expect, it } from "vitest";
import { SocketErrors } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("makes a TCP connect to a blackholed host time out after the connect timeout", () => {
  const { sim, phone } = toolAndPhone();
  const [server] = phone.Socket.create_server(7000);
  server!.run({});
  sim.faults.blackhole("phone");
  const [c, err] = sim.renoise.Socket.create_client(phone.address, 7000, 1, 300);
  expect(c).toBeUndefined();
  expect(err).toBe(SocketErrors.CONNECT_TIMEOUT);
  expect(sim.now).toBe(300);
  const drop = sim.events.find((e) => e.kind === "drop");
  expect(drop).toMatchObject({ packet: "syn", reason: "blackhole phone" });
});

it("blackholes one port only when given address:port, and stops when removed", () => {
  const { sim, phone } = toolAndPhone();
  for (const port of [7000, 7001]) phone.Socket.create_server(port)[0]!.run({});
  const hole = sim.faults.blackhole(`${phone.address}:7000`);
  expect(sim.renoise.Socket.create_client(phone.address, 7001, 1, 300)[1]).toBeUndefined();
  expect(sim.renoise.Socket.create_client(phone.address, 7000, 1, 300)[1]).toBe(SocketErrors.CONNECT_TIMEOUT);
  hole.remove();
  expect(sim.renoise.Socket.create_client(phone.address, 7000, 1, 300)[1]).toBeUndefined();
});

it("connects after a SYN retransmission when the blackhole goes away within the timeout", () => {
  const { sim, phone } = toolAndPhone();
  phone.Socket.create_server(7000)[0]!.run({});
  const hole = sim.faults.blackhole("phone");
  sim.schedule(500, () => hole.remove());
  const [c, err] = sim.renoise.Socket.create_client(phone.address, 7000, 1, 5000);
  expect(err).toBeUndefined();
  expect(c!.is_open).toBe(true);
  // The first SYN was lost; the retransmission after 1 s got through.
  expect(sim.now).toBe(1020);
});
