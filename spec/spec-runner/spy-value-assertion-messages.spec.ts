import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runLuaSpecs } from "../support/specs.js";

// A failed called_with / returned_with names what the spy saw last and what was expected.
it("reports the last call and the expected values when called_with or returned_with fails", async () => {
  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-spy-"));
  writeFileSync(
    join(dir, "spy_spec.lua"),
    `describe("spy", function()
  it("called", function()
    local s = spy.new(function(a, b) return a + b end)
    s(1, 2)
    assert.spy(s).was.called_with(2, 2)
  end)
  it("returned", function()
    local s = spy.new(function(a, b) return a + b end)
    s(1, 2)
    assert.spy(s).was.returned_with(4)
  end)
  it("not called", function()
    local s = spy.new(function() end)
    assert.spy(s).was.called_with(1)
  end)
end)
`,
  );
  const s = await runLuaSpecs([dir]);
  const messages = s.results.map((r) => (r.message ?? "").replace(/^[^:]*:\d+: /, ""));
  expect(s.counts.failure).toBe(3);
  expect(messages[0]).toBe("Function was not called with the arguments\nCalled with (last call if any):\n(number) 1\n(number) 2\nExpected:\n(number) 2\n(number) 2");
  expect(messages[1]).toBe("Function did not return the values\nReturned (last call if any):\n(number) 3\nExpected:\n(number) 4");
  expect(messages[2]).toBe("Function was not called with the arguments\nCalled with (last call if any):\n(not called)\nExpected:\n(number) 1");
}, 60_000);
