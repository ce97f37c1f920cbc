import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, SimulationUsageError } from "../../src/index.js";

// onUnknownName: "error" raises when the tool looks up a name nobody registered,
// instead of Renoise's "host not found" error string; unknown names are listed either way.
describe("unknown names", () => {
  it("give Renoise's error string by default, and are listed", () => {
    const sim = createSimulation({ seed: 1 });
    const [client, err] = sim.renoise.Socket.create_client("api.example.com", 80);
    expect(client).toBeUndefined();
    expect(err).toBeTypeOf("string");
    expect(sim.unknownNames).toEqual(["api.example.com"]);
  });

  it("raise a usage error naming the fix in strict mode", () => {
    const sim = createSimulation({ seed: 1, onUnknownName: "error" });
    expect(() => sim.renoise.Socket.create_client("api.example.com", 80)).toThrow(SimulationUsageError);
    expect(() => sim.renoise.Socket.create_client("api.example.com", 80)).toThrow(/no host answers to the name "api.example.com".*sim.addHost\("api.example.com"\)/);
    sim.addHost("api.example.com");
    expect(sim.renoise.Socket.create_client("localhost", 80, 2)[1]).toBeUndefined();
    expect(sim.renoise.Socket.create_client("api.example.com", 80, 2)[1]).toBeUndefined();
  });

  it("fail a Lua tool's call in strict mode", async () => {
    const sim = createSimulation({ seed: 1, onUnknownName: "error" });
    const source = `local c, err = renoise.Socket.create_client("nobody.example", 80, renoise.Socket.PROTOCOL_UDP)`;
    await expect(loadLuaTool(sim, { files: { "main.lua": source } })).rejects.toThrow(/no host answers to the name "nobody.example"/);
  });

  it("rejects a bad option value", () => {
    expect(() => createSimulation({ onUnknownName: "warn" as never })).toThrow(/onUnknownName must be "allow" or "error"/);
  });
});
