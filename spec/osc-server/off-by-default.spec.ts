import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { startOscServer } from "../../src/tool/osc-server.js";

describe("Renoise's OSC server is off until a test enables it", () => {
  it("nothing listens on port 8000 in a new simulation", () => {
    const sim = createSimulation({ seed: 1 });
    const controller = sim.addHost("controller");
    const [client, err] = controller.Socket.create_client(sim.host.address, 8000, 1);
    expect(client).toBeUndefined();
    expect(err).toMatch(/refused/i);
  });

  it("startOscServer listens on UDP 8000 by default, on the Renoise host", async () => {
    const sim = createSimulation({ seed: 1 });
    const server = await startOscServer(sim);
    expect([server.protocol, server.port, server.running]).toEqual(["udp", 8000, true]);
    expect(sim.events.some((e) => e.kind === "osc_server.start" && e.host === sim.host.name)).toBe(true);
    server.stop();
    expect(server.running).toBe(false);
  });

  it("takes TCP and another port, and refuses a second server or a port in use", async () => {
    const sim = createSimulation({ seed: 1 });
    const server = await startOscServer(sim, { protocol: "tcp", port: 9000 });
    const controller = sim.addHost("controller");
    const [client] = controller.Socket.create_client(sim.host.address, 9000, 1);
    expect(client?.is_open).toBe(true);
    await expect(startOscServer(sim)).rejects.toThrow(/already running/);
    server.stop();
    const [blocker] = sim.renoise.Socket.create_server(8000, 2);
    await expect(startOscServer(sim)).rejects.toThrow(/cannot listen on port 8000/);
    blocker!.close();
  });

  it("rejects bad options with the option named", async () => {
    const sim = createSimulation({ seed: 1 });
    await expect(startOscServer(sim, { protocol: "http" as "udp" })).rejects.toThrow(/protocol must be "udp" or "tcp"/);
    await expect(startOscServer(sim, { port: 70000 })).rejects.toThrow(/port must be an integer 1..65535/);
  });
});
