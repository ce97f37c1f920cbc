import { expect, it } from "vitest";
import { SocketErrors } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("lets the peer vanish without FIN or RST: the tool's sends succeed and are lost, receives time out", () => {
  const { sim, phone } = toolAndPhone();
  const got: string[] = [];
  phone.Socket.create_server(7000)[0]!.run({ socket_message: (_c, m) => void got.push(m) });
  const [c] = sim.renoise.Socket.create_client(phone.address, 7000);
  sim.faults.halfOpen({ from: "server" });
  expect(c!.send("anyone there?")).toEqual([true, undefined]);
  expect(c!.receive("*all", 2000)).toEqual([undefined, SocketErrors.TIMEOUT]);
  expect(c!.is_open).toBe(true);
  expect(got).toEqual([]);
  expect(sim.events.filter((e) => e.kind === "drop").every((e) => e.reason === "peer vanished")).toBe(true);
  expect(sim.events.some((e) => e.kind === "tcp.vanish")).toBe(true);
});

it("ends in a connection timeout once the retransmissions run out", () => {
  const { sim, phone } = toolAndPhone();
  sim.conditions.tcp({ retries: 3, rto: 100 });
  phone.Socket.create_server(7000)[0]!.run({});
  const [c] = sim.renoise.Socket.create_client(phone.address, 7000);
  sim.faults.halfOpen({ from: "server" });
  c!.send("hello?");
  expect(c!.receive("*all", 10_000)).toEqual([undefined, SocketErrors.DISCONNECTED]);
  // Sent at 20, lost at 30; tries after 100, 200 and 400 ms (each lost 10 ms later); gives up 800 ms after the last.
  expect(sim.now).toBe(30 + 100 + 10 + 200 + 10 + 400 + 10 + 800);
  expect(sim.events.filter((e) => e.kind === "tcp.retransmit")).toHaveLength(3);
  expect(sim.events.some((e) => e.kind === "tcp.timeout")).toBe(true);
});
