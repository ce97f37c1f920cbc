import { afterEach, describe, expect, it } from "vitest";
import { fuzzLuaToolDetails, payloads } from "../../src/index.js";
import { setLuaVmPoolingDefault } from "../../src/lua/pool.js";

const TOOL = { dir: "fixtures/buggy/http-one-request-per-message" };
const OPTIONS = { port: 8080, payload: payloads.httpRequest(), log: false as const };

// A replay (seed + path) runs one scenario alone, in whatever VM the process
// gives it: the trace must be the campaign's, byte for byte, whether that VM
// is restored from the pool after many others or built from scratch.
describe("a Lua fuzz replay gives the same trace with pooled and fresh VMs", () => {
  afterEach(() => setLuaVmPoolingDefault(true));

  it("replays the shrunk failure of a campaign identically both ways", async () => {
    const campaign = await fuzzLuaToolDetails(TOOL, { ...OPTIONS, runs: 40, seed: 1 });
    expect(campaign.ok).toBe(false);
    if (campaign.ok) return;
    const { seed, path } = campaign.failure.replay;
    console.log(`Lua fuzz replay: seed=${seed} path=${path}`);

    const pooled = await fuzzLuaToolDetails(TOOL, { ...OPTIONS, seed, path });
    setLuaVmPoolingDefault(false);
    const fresh = await fuzzLuaToolDetails(TOOL, { ...OPTIONS, seed, path });
    expect(pooled.ok || fresh.ok).toBe(false);
    if (pooled.ok || fresh.ok) return;
    expect(pooled.failure.trace).toBe(campaign.failure.trace);
    expect(fresh.failure.trace).toBe(campaign.failure.trace);
    expect(fresh.failure.reason).toBe(campaign.failure.reason);
  }, 120_000);
});
