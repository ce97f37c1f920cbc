import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// R15: receive, TCP create_client and server:wait block the caller and advance virtual time.
describe("blocking calls advance virtual time", () => {
  it("receive waits up to its timeout", () => {
    const sim = createSimulation();
    sim.renoise.Socket.create_server(7500);
    const [client] = sim.renoise.Socket.create_client("localhost", 7500);
    client!.receive("*line", 750);
    expect(sim.now).toBe(750);
  });

  it("server:wait waits its whole timeout (it does not return early)", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7501);
    server!.run({});
    server!.wait(500);
    expect(sim.now).toBe(500);
    server!.wait(0);
    expect(sim.now).toBe(500);
  });

  it("TCP create_client waits one round trip; UDP create_client does not block", () => {
    const sim = createSimulation({ latency: 40 });
    const far = sim.addHost("far");
    far.Socket.create_server(7502);
    far.Socket.create_server(7502, 2);
    sim.renoise.Socket.create_client("far", 7502, 2);
    expect(sim.now).toBe(0);
    sim.renoise.Socket.create_client("far", 7502, 1);
    expect(sim.now).toBe(80);
  });
});
