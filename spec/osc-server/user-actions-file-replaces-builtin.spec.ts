import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { startOscServer } from "../../src/tool/osc-server.js";
import { oscServerWorld } from "../support/osc-server.js";

const ECHO = "fixtures/osc-actions/echo-actions.lua";

describe("a user's global OSC actions file replaces the built-in message set", () => {
  it("runs the user's process_message and lists the user's available_messages", async () => {
    const { sim, server, send } = await oscServerWorld({ actions: ECHO });
    send("/renoise/ping");
    send("/renoise/ping");
    send("/renoise/transport/start");
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted", "rejected"]);
    expect(sim.events.filter((e) => e.kind === "lua.print").map((e) => e.text)).toEqual(["pong 1", "pong 2"]);
    expect(server.availableMessages().map((m) => m.name)).toEqual(["/renoise/ping", "/renoise/fail"]);
  });

  it("logs a handler's error as the scripting terminal would, and keeps serving", async () => {
    const { sim, server, send } = await oscServerWorld({ actions: ECHO });
    send("/renoise/fail");
    send("/renoise/ping");
    expect(server.log.map((e) => e.outcome)).toEqual(["error", "accepted"]);
    expect(server.log[0]!.reason).toMatch(/main\.lua:\d+: this handler is broken on purpose/);
    expect(sim.events.some((e) => e.kind === "osc_server.error")).toBe(true);
  });

  it("refuses a file without process_message, and names what Renoise calls", async () => {
    const sim = createSimulation({ seed: 1 });
    await expect(startOscServer(sim, { actions: "fixtures/osc-actions/no-interface.lua" })).rejects.toThrow(
      /does not define the global function process_message\(\)/,
    );
    await expect(startOscServer(sim, { actions: "fixtures/osc-actions/missing.lua" })).rejects.toThrow(/cannot read the actions file/);
  });
});
