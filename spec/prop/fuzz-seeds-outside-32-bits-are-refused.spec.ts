import { expect, it } from "vitest";
import { fuzzNotifierDetails, SimulationUsageError } from "../../src/index.js";
import { fuzzToolDetails } from "../../src/prop/fuzz/fuzz-tool.js";
import { cliInProcess } from "../support/cli-inproc.js";

// Hardening (issue 12, item 7): fast-check keeps 32 bits of a seed, so seed
// 4294967297 would replay seed 1's campaign. Fuzz seeds outside the signed
// 32-bit range (or not whole numbers) are refused instead of wrapping.
const BAD = [4294967297, 2 ** 31, -(2 ** 31) - 1, 1.5];

it.each(BAD)("fuzzNotifier refuses seed %s", (seed) => {
  expect(() => fuzzNotifierDetails(() => ({}), { seed, runs: 1, log: false })).toThrow(SimulationUsageError);
  expect(() => fuzzNotifierDetails(() => ({}), { seed, runs: 1, log: false })).toThrow(
    /seed must be a whole number from -2147483648 to 2147483647/,
  );
});

it.each(BAD)("fuzzToolDetails refuses seed %s", async (seed) => {
  await expect(fuzzToolDetails(() => Promise.resolve({}), { seed, runs: 1 })).rejects.toThrow(/seed must be a whole number from -2147483648 to 2147483647/);
});

it("the CLI refuses --seed 4294967297 with exit 2", async () => {
  const r = await cliInProcess(["fuzz", "fixtures/tools/http-server", "--port", "8080", "--seed", "4294967297"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--seed must be a whole number from -2147483648 to 2147483647, got 4294967297/);
});

it("the edges of the range are accepted", () => {
  for (const seed of [-(2 ** 31), 2 ** 31 - 1]) {
    expect(fuzzNotifierDetails(() => ({}), { seed, runs: 1, log: false }).seed).toBe(seed);
  }
});
