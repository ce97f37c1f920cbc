import { describe, expect, it } from "vitest";
import { oscServerWorld } from "../support/osc-server.js";

describe("the OSC server rejects what it cannot handle, logs why and keeps serving", () => {
  it("rejects a wrong argument count, naming the expected count", async () => {
    const { server, send } = await oscServerWorld();
    send("/renoise/song/bpm", [{ tag: "f", value: 120 }, { tag: "i", value: 1 }]);
    send("/renoise/transport/start", [{ tag: "i", value: 1 }]);
    expect(server.log.map((e) => [e.outcome, e.reason])).toEqual([
      ["rejected", "/renoise/song/bpm expects 1 argument(s), got 2"],
      ["rejected", "/renoise/transport/start expects 0 argument(s), got 1"],
    ]);
  });

  it("rejects arguments that do not convert to the action's type", async () => {
    const { server, send } = await oscServerWorld();
    send("/renoise/song/bpm", [{ tag: "s", value: "fast" }]);
    send("/renoise/song/edit/mode", [{ tag: "s", value: "maybe" }]);
    send("/renoise/song/edit/mode", [{ tag: "i", value: 2 }]);
    expect(server.log.map((e) => e.outcome)).toEqual(["rejected", "rejected", "rejected"]);
    expect(server.log[0]!.reason).toMatch(/argument 1 of \/renoise\/song\/bpm: fast \(tag 's'\) is not convertible to a number/);
    expect(server.log[2]!.reason).toMatch(/is not convertible to a boolean/);
  });

  it("rejects unknown addresses, addresses outside /renoise and packets that are not OSC", async () => {
    const { sim, server, send, sendRaw } = await oscServerWorld();
    send("/renoise/song/warp_speed");
    send("/other/app/play");
    sendRaw("hello world!");
    expect(server.log.map((e) => e.reason)).toEqual([
      "no action for /renoise/song/warp_speed",
      "the address does not start with /renoise/",
      expect.stringMatching(/^not an OSC packet: /),
    ]);
    expect(sim.events.filter((e) => e.kind === "osc_server.reject")).toHaveLength(3);
    send("/renoise/song/warp_speed");
    expect(server.log).toHaveLength(4);
  });
});
