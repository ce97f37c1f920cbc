import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { encodeReplayToken } from "../../src/prop/fuzz/replay-token.js";
import { cli, ROOT, tmp } from "../support/cli.js";

// fuzz writes nothing into the current folder unless asked (its diagram goes to a
// temporary folder whose path it prints); its replay token works from any folder;
// replay's errors name replay.
it("writes no file unasked, and its token replays from another folder", async () => {
  const here = tmp();
  const tool = relative(here, join(ROOT, "fixtures/buggy/http-one-request-per-message"));
  const r = await cli(["fuzz", tool, "--port", "8080", "--grammar", "http", "--runs", "40"], here);
  expect(r.code).toBe(1);
  expect(readdirSync(here)).toEqual([]);
  const diagram = /^Diagram: (.+)$/m.exec(r.stdout)?.[1];
  expect(diagram).toBeDefined();
  expect(diagram!.startsWith(here)).toBe(false);
  expect(readFileSync(diagram!, "utf8")).toContain("sequenceDiagram");
  const token = /renoise-sim replay (rs1\.\S+)/.exec(r.stdout)![1]!;
  const elsewhere = tmp();
  const again = await cli(["replay", token, "--diagram", "d.md"], elsewhere);
  expect(again.code).toBe(1);
  expect(again.stdout).toContain("Replayed failure");
  expect(existsSync(join(elsewhere, "d.md"))).toBe(true);
});

it("names replay in a replayed token's errors", async () => {
  const token = encodeReplayToken({ tool: "no/such/tool", port: 8080, protocol: "tcp", grammar: "http", faults: ["split"], runs: 1, seed: 1, path: "0" });
  const r = await cli(["replay", token], tmp());
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("renoise-sim replay: no such tool folder or script: no/such/tool");
});
