import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseTraceJsonl } from "../../src/index.js";
import { cli, tmp } from "../support/cli.js";

// renoise-sim run <tool> --scenario <file>: plays the scenario, prints the trace,
// writes JSONL and a diagram; failed expectations exit 1; bad files exit 2 naming the field.
it("plays a scenario file against a Lua tool and writes the trace and diagram", async () => {
  const dir = tmp();
  const trace = join(dir, "t.jsonl");
  const r = await cli(["run", "fixtures/demo/line-tool", "--scenario", "fixtures/demo/scenario.json", "--trace", trace, "--diagram", join(dir, "d.md")]);
  expect(r.code).toBe(0);
  const events = parseTraceJsonl(readFileSync(trace, "utf8"));
  expect(events.some((e) => e.kind === "tcp.split")).toBe(true);
  expect(readFileSync(join(dir, "d.md"), "utf8")).toContain("sequenceDiagram");
});

it("exits 1 when a peer's expectation fails, and says which", async () => {
  const dir = tmp();
  const f = join(dir, "s.json");
  writeFileSync(f, JSON.stringify({ peers: [{ host: "p", connect: "renoise:8000", steps: [{ receive: "*line", timeout: 50, expect: "HELLO" }] }] }));
  const r = await cli(["run", "fixtures/demo/line-tool", "--scenario", f, "--quiet"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('✗ peer 0, step 0: expected "HELLO", got "READY"');
});

it("exits 2 on a bad scenario file, pointing at the field", async () => {
  const r = await cli(["run", "fixtures/demo/line-tool", "--scenario", "fixtures/scenarios/bad/step-misspelled-action.json"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("scenario.peers[0].steps[1].recieve: unknown field; expected one of send, sendHex, wait, receive, timeout, expect, close, reset");
});
