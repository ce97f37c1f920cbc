import { describe, expect, it } from "vitest";
import { oscServerWorld } from "../support/osc-server.js";

// Renoise's TCP OSC server reads raw OSC packets with no length prefix, as
// renoise.Socket clients send them: one socket_message, one packet.
describe("the OSC server over TCP", () => {
  it("handles each raw packet a TCP client sends", async () => {
    const { server, send } = await oscServerWorld({ protocol: "tcp", actions: "fixtures/osc-actions/echo-actions.lua" });
    send("/renoise/ping");
    send("/renoise/ping");
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted"]);
  });

  it("rejects a length-prefixed (OSC 1.0 stream framed) packet as not OSC", async () => {
    const { createOscApi } = await import("../../src/index.js");
    const { Message } = createOscApi();
    const { server, sendRaw } = await oscServerWorld({ protocol: "tcp", actions: "fixtures/osc-actions/echo-actions.lua" });
    const packet = Message("/renoise/ping").binary_data;
    const size = String.fromCharCode(0, 0, 0, packet.length);
    sendRaw(size + packet);
    expect(server.log.map((e) => e.outcome)).toEqual(["rejected"]);
    expect(server.log[0]!.reason).toMatch(/^not an OSC packet/);
  });
});
