import { describe, expect, it } from "vitest";
import { createOscApi } from "../../src/index.js";
import { oscServerWorld } from "../support/osc-server.js";

const { Message, Bundle } = createOscApi();

// Choice (docs/builtin-osc.md): a bundle's elements are handled when the
// packet arrives, in order, nested bundles depth first; the time tag is
// recorded in the trace and not waited for.
describe("OSC bundles sent to Renoise's server", () => {
  it("handles every element at once, in order, whatever the time tag", async () => {
    const { sim, server, sendRaw } = await oscServerWorld({ actions: "fixtures/osc-actions/echo-actions.lua" });
    const later = 2n ** 62n;
    const bundle = Bundle(later, [Message("/renoise/ping"), Bundle(1, [Message("/renoise/nope"), Message("/renoise/ping")])]);
    sendRaw(bundle.binary_data);
    expect(server.log.map((e) => [e.address, e.outcome, e.time])).toEqual([
      ["/renoise/ping", "accepted", 0],
      ["/renoise/nope", "rejected", 0],
      ["/renoise/ping", "accepted", 0],
    ]);
    const bundles = sim.events.filter((e) => e.kind === "osc_server.bundle");
    expect(bundles.map((e) => [e.timetag, e.elements])).toEqual([
      [String(later), 2],
      ["1", 2],
    ]);
  });
});
