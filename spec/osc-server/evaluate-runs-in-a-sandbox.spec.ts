import { describe, expect, it } from "vitest";
import { oscServerWorld } from "../support/osc-server.js";

describe("/renoise/evaluate", () => {
  it("runs the expression with only math, string, table, renoise and a few base functions", async () => {
    const { sim, server, send } = await oscServerWorld();
    send("/renoise/evaluate", [{ tag: "s", value: "print(type(io), type(os), type(math.floor), type(renoise), type(require))" }]);
    expect(server.log[0]!.outcome).toBe("accepted");
    expect(sim.events.filter((e) => e.kind === "lua.print").map((e) => e.text)).toEqual(["nil\tnil\tfunction\ttable\tnil"]);
  });

  it("cannot change the actions script's globals", async () => {
    const { server, send } = await oscServerWorld();
    send("/renoise/evaluate", [{ tag: "s", value: "process_message = nil" }]);
    send("/renoise/transport/start", [{ tag: "i", value: 1 }]);
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "rejected"]);
  });

  it("prints compile and runtime errors instead of failing the message", async () => {
    const { sim, server, send } = await oscServerWorld();
    send("/renoise/evaluate", [{ tag: "s", value: "this is not lua" }]);
    send("/renoise/evaluate", [{ tag: "s", value: "error('boom')" }]);
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted"]);
    const printed = sim.events.filter((e) => e.kind === "lua.print").map((e) => String(e.text));
    expect(printed[0]).toMatch(/^\*\*\* OSC \/renoise\/evaluate: could not compile: /);
    expect(printed[1]).toMatch(/^\*\*\* OSC \/renoise\/evaluate: failed: .*boom/);
  });
});
