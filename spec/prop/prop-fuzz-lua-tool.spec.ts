import { describe, expect, it } from "vitest";
import { FuzzFailure, fuzzLuaTool, fuzzLuaToolDetails, payloads } from "../../src/index.js";

// The property kit drives Lua tools too: a fresh VM per scenario, same scenarios, shrinking and report.
describe("fuzzLuaTool", () => {
  it("finds the split-request bug of the naive Lua HTTP tool and shrinks it to one cut request", async () => {
    const d = await fuzzLuaToolDetails(
      { dir: "fixtures/buggy/http-one-request-per-message" },
      { port: 8080, runs: 40, seed: 1, payload: payloads.httpRequest(), log: false },
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    console.log(`fuzzLuaTool seed=${d.seed}: size before ${d.failure.sizeBefore.total}, after ${d.failure.sizeAfter.total}`);
    expect(d.failure.reason).toContain("attempt to index a nil value (local 'path')");
    expect(d.failure.sizeAfter.total).toBeLessThan(d.failure.sizeBefore.total);
    expect(d.failure.scenario.peers).toHaveLength(1);
    expect(d.failure.readable).toContain("cut at byte");
  });

  it("passes on the fixed tool, and throws the report through fuzzLuaTool on the buggy one", async () => {
    await expect(
      fuzzLuaTool({ dir: "fixtures/tools/http-server" }, { port: 8080, runs: 25, seed: 2, payload: payloads.httpRequest(), log: false }),
    ).resolves.toBeUndefined();
    await expect(
      fuzzLuaTool({ dir: "fixtures/buggy/http-one-request-per-message" }, { port: 8080, runs: 40, seed: 1, payload: payloads.httpRequest(), log: false }),
    ).rejects.toBeInstanceOf(FuzzFailure);
  });
});
