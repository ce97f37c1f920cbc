import { expect, it } from "vitest";
import { outcomes, runLuaSpecs } from "../support/specs.js";

// describe/it/pending, the hooks in busted's order, luassert's assertions and
// messages, spies, stubs, mocks and matchers: fixtures/specs/busted-api.
it("provides busted's API as its users know it", async () => {
  const s = await runLuaSpecs(["fixtures/specs/busted-api"]);
  expect(outcomes(s).filter((o) => o.startsWith("failure") || o.startsWith("error"))).toEqual([]);
  expect(s.counts).toEqual({ success: 17, failure: 0, error: 0, pending: 2 });
  expect(s.results.filter((r) => r.status === "pending").map((r) => [r.fullName, r.message])).toEqual([
    ["pending is listed but not run", undefined],
    ["pending can be declared inside a test", "waiting for the song API"],
  ]);
}, 60_000);
