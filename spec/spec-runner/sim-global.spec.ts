import { expect, it } from "vitest";
import { outcomes, runLuaSpecs } from "../support/specs.js";

// The sim global: seed, time, hosts, names, coroutine peers that interleave,
// faults and conditions with handles, the trace, load_tool and its limits.
it("gives Lua specs the simulation as the sim global", async () => {
  const s = await runLuaSpecs(["fixtures/specs/sim-global"], { seed: 7 });
  expect(outcomes(s).filter((o) => !o.startsWith("success"))).toEqual([]);
  expect(s.counts.success).toBe(9);
}, 60_000);
