import { expect, it } from "vitest";
import { createSimulation, SimulationUsageError, type SocketClient } from "../../src/index.js";

// Hardening (issue 12, item 4): after dispose() every call that would run the
// simulation raises the same SimulationUsageError, blocking socket calls too:
// none of them may run tool callbacks or move virtual time.
const DISPOSED = /this simulation is disposed; create a new one with createSimulation\(\)/;

function world() {
  const sim = createSimulation({ latency: 1 });
  const [server] = sim.renoise.Socket.create_server(7000);
  const [udpServer] = sim.renoise.Socket.create_server(7002, 2);
  let callbacks = 0;
  let accepted: SocketClient | undefined;
  let datagramFrom: SocketClient | undefined;
  server!.run({
    socket_accepted: (s: SocketClient) => void ((accepted = s), callbacks++),
    socket_message: () => void callbacks++,
  });
  udpServer!.run({ socket_message: (s: SocketClient) => void ((datagramFrom = s), callbacks++) });
  const phone = sim.addHost("phone");
  const [client] = phone.Socket.create_client("192.168.1.10", 7000);
  const [udp] = phone.Socket.create_client("192.168.1.10", 7002, 2);
  client!.send("hello");
  udp!.send("hi");
  sim.runUntilIdle();
  return { sim, server: server!, client: client!, udp: udp!, accepted: accepted!, datagramFrom: datagramFrom!, phone, count: () => callbacks };
}

it.each([
  ["client:receive", (w: ReturnType<typeof world>) => w.client.receive("*all", 100)],
  ["client:send (TCP)", (w: ReturnType<typeof world>) => w.client.send("more")],
  ["client:send (UDP)", (w: ReturnType<typeof world>) => w.udp.send("more")],
  ["accepted socket:send", (w: ReturnType<typeof world>) => w.accepted.send("reply")],
  ["UDP message socket:send", (w: ReturnType<typeof world>) => w.datagramFrom.send("reply")],
  ["create_client (TCP)", (w: ReturnType<typeof world>) => w.phone.Socket.create_client("192.168.1.10", 7000, 1, 100)],
  ["create_client (UDP)", (w: ReturnType<typeof world>) => w.phone.Socket.create_client("192.168.1.10", 7000, 2)],
  ["create_server", (w: ReturnType<typeof world>) => w.phone.Socket.create_server(7001)],
  ["server:wait", (w: ReturnType<typeof world>) => w.server.wait(100)],
  ["advance", (w: ReturnType<typeof world>) => w.sim.advance(1)],
  ["runUntilIdle", (w: ReturnType<typeof world>) => w.sim.runUntilIdle()],
  ["spawn", (w: ReturnType<typeof world>) => w.sim.spawn("phone", function* () {})],
  ["schedule", (w: ReturnType<typeof world>) => w.sim.schedule(1, () => undefined)],
  ["at", (w: ReturnType<typeof world>) => w.sim.at(1, () => undefined)],
  ["addHost", (w: ReturnType<typeof world>) => w.sim.addHost("late")],
  ["registerName", (w: ReturnType<typeof world>) => w.sim.registerName("x.local", "10.0.0.9")],
])("%s on a disposed simulation raises SimulationUsageError and changes nothing", (_name, call) => {
  const w = world();
  w.sim.dispose();
  const before = { now: w.sim.now, events: w.sim.events.length, callbacks: w.count() };
  let err: unknown;
  try {
    call(w);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SimulationUsageError);
  expect(String(err)).toMatch(DISPOSED);
  expect({ now: w.sim.now, events: w.sim.events.length, callbacks: w.count() }).toEqual(before);
});
