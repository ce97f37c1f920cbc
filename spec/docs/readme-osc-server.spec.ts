import { expect, it } from "vitest";
import { createOscApi, createSimulation, startOscServer } from "../../src/index.js";

// The README's "Renoise's own OSC server" example, with the controller filled in.
it("README: a controller sets the tempo through Renoise's own OSC server", async () => {
  const sim = createSimulation({ seed: 1, song: { tracks: 4 } });
  const server = await startOscServer(sim);
  const { Message } = createOscApi();
  const [controller] = sim.addHost("controller").Socket.create_client(sim.host.address, 8000, 2);
  controller!.send(Message("/renoise/song/bpm", [{ tag: "f", value: 128 }]).binary_data);
  controller!.send(Message("/renoise/trigger/note_on", [-1, -1, 48, 100].map((value) => ({ tag: "i" as const, value }))).binary_data);
  sim.runUntilIdle();
  expect(sim.renoise.song().transport.bpm).toBe(128);
  expect(server.log.filter((e) => e.outcome === "rejected")).toEqual([]);
  expect(server.triggered.map((t) => t.kind)).toEqual(["note_on"]);
  server.stop();
});
