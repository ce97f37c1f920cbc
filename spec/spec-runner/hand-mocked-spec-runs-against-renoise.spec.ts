import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { outcomes, ROOT, runLuaSpecs } from "../support/specs.js";

const dir = "fixtures/specs/hand-mocked/spec";
const withoutMock = (file: string) => readFileSync(join(ROOT, dir, file), "utf8").replace(/^--.*\n/, "").replace(/-- BEGIN MOCK[\s\S]*-- END MOCK\n/, "");

// A busted spec written against a hand-made `renoise` mock keeps running when
// renoise-sim's `renoise` replaces the mock: the two files differ only in the mock.
it("runs a hand-mocked busted spec both with its mock and with renoise-sim's renoise", async () => {
  expect(withoutMock("with_renoise_spec.lua")).toBe(withoutMock("with_mock_spec.lua"));
  const s = await runLuaSpecs([dir]);
  expect(outcomes(s)).toEqual([
    "success Ping Remote starts listening",
    "success Ping Remote answers PING with PONG",
    "success Ping Remote answers other words with an error",
    "success Ping Remote shows its status when started",
    "success Ping Remote starts listening",
    "success Ping Remote answers PING with PONG",
    "success Ping Remote answers other words with an error",
    "success Ping Remote shows its status when started",
  ]);
}, 60_000);
