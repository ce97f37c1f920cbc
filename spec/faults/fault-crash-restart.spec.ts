import { expect, it } from "vitest";
import { SocketErrors } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("crashes a peer host: the tool sees nothing, and a reset once the host is back", () => {
  const { sim, phone } = toolAndPhone();
  phone.Socket.create_server(7000)[0]!.run({});
  const [c] = sim.renoise.Socket.create_client(phone.address, 7000);
  const crash = sim.faults.crash("phone");
  expect(c!.send("are you there?")).toEqual([true, undefined]);
  expect(c!.receive("*all", 1000)).toEqual([undefined, SocketErrors.TIMEOUT]);
  expect(c!.is_open).toBe(true);
  crash.restart();
  // The next retransmission reaches the restarted host, which knows no such connection.
  expect(c!.receive("*all", 5000)).toEqual([undefined, SocketErrors.DISCONNECTED]);
  expect(sim.events.some((e) => e.kind === "tcp.stale")).toBe(true);
  expect(sim.events.some((e) => e.kind === "drop" && e.reason === "receiver down")).toBe(true);
});

it("drops the crashed host's servers and frees their ports; onRestart can serve again", () => {
  const { sim, phone } = toolAndPhone();
  const [server] = phone.Socket.create_server(7000);
  server!.run({});
  sim.faults.crash("phone", {
    restartAfter: 100,
    onRestart: () => phone.Socket.create_server(7000)[0]!.run({}),
  });
  expect(() => server!.is_running).toThrow();
  expect(sim.renoise.Socket.create_client(phone.address, 7000, 1, 50)[1]).toBe(SocketErrors.CONNECT_TIMEOUT);
  sim.advance(100);
  const [c, err] = sim.renoise.Socket.create_client(phone.address, 7000);
  expect(err).toBeUndefined();
  expect(c!.is_open).toBe(true);
  expect(sim.events.filter((e) => e.kind === "fault").map((e) => `${e.fault} ${e.action}`)).toEqual(["crash fire", "crash off"]);
});

it("crashes a client of the tool's server: the accepted connection still looks open", () => {
  const { sim, notifier } = toolAndPhone();
  sim.spawn("phone", function* (peer) {
    yield* peer.connect(sim.host.address, 8000);
  });
  sim.advance(50);
  sim.faults.crash("phone");
  sim.runUntilIdle();
  expect(notifier.clients[0]!.is_open).toBe(true);
  expect(() => sim.faults.crash("phone")).toThrow(/down already/);
});
