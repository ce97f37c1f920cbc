import { describe, expect, it, vi } from "vitest";

// Hardening: the simulation never touches the real network. Every networking module of
// Node is replaced by one that throws on any use, then the scenario set runs.
function poisoned(name: string): Record<string, unknown> {
  const fail = (): never => {
    throw new Error(`renoise-sim touched ${name}`);
  };
  return new Proxy({}, { get: (_t, prop) => (prop === "then" ? undefined : fail()) });
}
vi.mock("node:net", () => ({ default: poisoned("node:net"), ...poisoned("node:net") }));
vi.mock("node:dgram", () => ({ default: poisoned("node:dgram") }));
vi.mock("node:dns", () => ({ default: poisoned("node:dns") }));
vi.mock("node:http", () => ({ default: poisoned("node:http") }));
vi.mock("net", () => ({ default: poisoned("net") }));
vi.mock("dgram", () => ({ default: poisoned("dgram") }));
vi.mock("dns", () => ({ default: poisoned("dns") }));
vi.mock("http", () => ({ default: poisoned("http") }));

describe("no real network", () => {
  it("runs the demo, TCP and UDP servers, clients, names and timeouts with networking modules poisoned", async () => {
    const { createSimulation } = await import("../../src/index.js");
    const { runEchoDemo } = await import("../support/echo-demo.js");
    expect(runEchoDemo(5).events.length).toBeGreaterThan(20);
    const sim = createSimulation({ latency: 3 });
    const web = sim.addHost("example.org");
    const [srv] = web.Socket.create_server(80);
    srv!.run({ socket_message: (c, m) => void c.send(`got ${m.length}`) });
    const [c] = sim.renoise.Socket.create_client("example.org", 80);
    c!.send("GET / HTTP/1.0\r\n\r\n");
    expect(c!.receive("*all", 100)[0]).toBe("got 18");
    expect(sim.renoise.Socket.create_client("unknown.example", 80)[1]).toBe("Host not found (authoritative)");
    expect(sim.renoise.Socket.create_client("10.1.2.3", 80, 1, 50)[1]).toBe("Connection timed out");
    const [u] = sim.renoise.Socket.create_client("example.org", 9, 2);
    expect(u!.send("datagram")).toEqual([true, undefined]);
    sim.runUntilIdle();
  });
});
