import { describe, expect, it } from "vitest";
import { fuzzToolDetails, payloads } from "../../src/index.js";
import { startOscServer } from "../../src/tool/osc-server.js";

describe("the property kit fuzzes Renoise's OSC server with the OSC grammar", () => {
  it("delivers adversarial OSC traffic over UDP and TCP and the server never raises", async () => {
    let messages = 0;
    const details = await fuzzToolDetails(
      async ({ sim }) => {
        const server = await startOscServer(sim, { protocol: "udp" });
        return {
          dispose: () => {
            messages += server.log.length;
            server.stop();
          },
        };
      },
      { runs: 25, seed: 16, port: 8000, protocols: ["udp"], payload: payloads.oscMessage() },
    );
    console.log(`fuzz builtin OSC server: seed ${details.seed}, ${messages} messages logged`);
    expect(details.ok).toBe(true);
    expect(details.coverage.reached).toBeGreaterThan(0);
    expect(messages).toBeGreaterThan(0);
  });
});
