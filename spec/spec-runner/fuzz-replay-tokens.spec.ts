import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { decodeToken } from "../../src/cli/fuzz-token.js";
import { runLuaSpecs } from "../support/specs.js";

// sim.fuzz_tool shrinks a failure and reports it with the same replay token as
// `renoise-sim fuzz`; sim.replay(token) reruns exactly that scenario.
it("reports a fuzz failure with a CLI replay token that sim.replay reruns", async () => {
  const s = await runLuaSpecs(["fixtures/specs/fuzz-failure"]);
  const r = s.results[0]!;
  expect(r.status).toBe("failure");
  expect(r.location).toBe("fixtures/specs/fuzz-failure/fuzz_buggy_spec.lua:5");
  expect(r.message).toContain("attempt to index a nil value (local 'path')");
  expect(r.message).toMatch(/Minimal scenario \(shrunk from size \d+ to \d+\)/);
  const token = /renoise-sim replay (rs1\.\S+)/.exec(r.message!)![1]!;
  const t = decodeToken(token);
  expect(t).toMatchObject({ tool: "fixtures/buggy/http-one-request-per-message", port: 8080, protocol: "tcp", grammar: "http", runs: 50, seed: 1 });
  expect(t.path).not.toBe("");

  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-replay-"));
  writeFileSync(join(dir, "replay_spec.lua"), `it("replays", function() sim.replay("${token}") end)\n`);
  const again = await runLuaSpecs([join(dir, "replay_spec.lua")]);
  expect(again.results[0]!.status).toBe("failure");
  expect(again.results[0]!.message).toContain(`Replayed failure (seed ${t.seed}, path ${t.path})`);
}, 120_000);
