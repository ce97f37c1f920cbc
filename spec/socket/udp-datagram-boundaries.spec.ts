import { describe, expect, it } from "vitest";
import { createSimulation, MAX_UDP_PAYLOAD, SocketErrors } from "../../src/index.js";
import { serverWorld } from "../support/world.js";

// R22 (choice): one datagram per socket_message, never merged or split; > 65,507 bytes cannot be sent.
describe("UDP datagrams", () => {
  it("delivers each datagram whole, one per callback", () => {
    const { sim, Socket, log } = serverWorld(2, 8300);
    const [client] = Socket.create_client("localhost", 8300, 2);
    client!.send("one");
    client!.send("two");
    client!.send("x".repeat(MAX_UDP_PAYLOAD));
    sim.runUntilIdle();
    const sizes = log.map((l) => (JSON.parse(l.slice(l.indexOf('"'))) as string).length);
    expect(sizes).toEqual([3, 3, MAX_UDP_PAYLOAD]);
  });

  it("refuses a payload over 65,507 bytes with false and an error string", () => {
    const sim = createSimulation();
    const [client] = sim.renoise.Socket.create_client("localhost", 8301, 2);
    expect(client!.send("x".repeat(MAX_UDP_PAYLOAD + 1))).toEqual([false, SocketErrors.MESSAGE_TOO_LONG]);
    expect(client!.is_open).toBe(true);
  });

  it('a UDP client reads one datagram per "*all"', () => {
    const sim = createSimulation();
    const [a] = sim.renoise.Socket.create_client("localhost", 8302, 2);
    // A second client sends to the first client's own port.
    const [b] = sim.renoise.Socket.create_client("localhost", a!.local_port, 2);
    b!.send("d1");
    b!.send("d2");
    sim.advance(0);
    expect(a!.receive("*all", 0)).toEqual(["d1", undefined]);
    expect(a!.receive("*all", 0)).toEqual(["d2", undefined]);
    expect(a!.receive("*all", 0)).toEqual([undefined, "timeout"]);
  });
});
