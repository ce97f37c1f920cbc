import { describe, expect, it } from "vitest";
import { createSimulation, SocketErrors } from "../../src/index.js";

// R7, R15: create_client returns a connected client or nil + error; TCP connect blocks in virtual time.
describe("create_client outcomes", () => {
  it("an unknown host name fails at once with an error string", () => {
    const sim = createSimulation();
    expect(sim.renoise.Socket.create_client("nowhere.invalid", 80)).toEqual([undefined, SocketErrors.HOST_NOT_FOUND]);
    expect(sim.now).toBe(0);
  });

  it("a port nobody listens on is refused after one round trip", () => {
    const sim = createSimulation({ latency: 25 });
    sim.addHost("box", { address: "10.1.1.1" });
    expect(sim.renoise.Socket.create_client("box", 81)).toEqual([undefined, SocketErrors.CONNECTION_REFUSED]);
    expect(sim.now).toBe(50);
  });

  it("an address without a host times out after the default 1000 ms", () => {
    const sim = createSimulation();
    expect(sim.renoise.Socket.create_client("10.99.99.99", 80)).toEqual([undefined, SocketErrors.CONNECT_TIMEOUT]);
    expect(sim.now).toBe(1000);
  });

  it("timeout_ms bounds the connection attempt", () => {
    const sim = createSimulation({ latency: 300 });
    const box = sim.addHost("box");
    box.Socket.create_server(80);
    expect(sim.renoise.Socket.create_client("box", 80, 1, 250)).toEqual([undefined, SocketErrors.CONNECT_TIMEOUT]);
    expect(sim.now).toBe(250);
    // With enough time the same connect succeeds after one round trip.
    const t0 = sim.now;
    const [client, err] = sim.renoise.Socket.create_client("box", 80, 1, 1000);
    expect(err).toBeUndefined();
    expect(client!.is_open).toBe(true);
    expect(sim.now - t0).toBe(600);
  });

  it("a late answer to an abandoned connect is reset, so the server side sees it gone", () => {
    const sim = createSimulation({ latency: 300 });
    const box = sim.addHost("box");
    const [server] = box.Socket.create_server(80);
    const seen: boolean[] = [];
    server!.run({ socket_accepted: (c) => void sim.schedule(700, () => seen.push(c.is_open)) });
    sim.renoise.Socket.create_client("box", 80, 1, 250);
    sim.runUntilIdle();
    expect(seen).toEqual([false]);
    expect(sim.events.some((e) => e.kind === "tcp.reset" && e.why === "connect abandoned")).toBe(true);
  });

  it("a client has no way to reconnect: it exposes no connect method", () => {
    const sim = createSimulation();
    sim.renoise.Socket.create_server(80);
    const [client] = sim.renoise.Socket.create_client("localhost", 80);
    expect((client as unknown as Record<string, unknown>).connect).toBeUndefined();
  });
});
