import { expect, it } from "vitest";
import { runSpecs } from "../../src/index.js";
import { terminalReporter } from "../../src/spec-runner/reporters/terminal.js";
import { ROOT } from "../support/specs.js";

// On a terminal the report shows which test is running (an erasable status
// line) and a running count; off a terminal it prints only finished tests.
it("shows the running test as a status line and counts finished tests", async () => {
  const events: string[] = [];
  const out = {
    tty: true,
    color: false,
    write: (s: string) => void events.push(`write ${s}`),
    status: (s: string) => void events.push(`status ${s}`),
  };
  await runSpecs(["fixtures/specs/failing"], { cwd: ROOT, diagramDir: false, filter: "passes" }, terminalReporter(out));
  expect(events.slice(0, 4)).toEqual([
    "write renoise-sim test: 1 file, seed 1\n",
    "status [1] running fixtures/specs/failing/failing_spec.lua › a failing spec passes",
    "write fixtures/specs/failing/failing_spec.lua\n",
    "write   [1] ✓ a failing spec passes\n",
  ]);
  const plain: string[] = [];
  await runSpecs(["fixtures/specs/failing"], { cwd: ROOT, diagramDir: false, filter: "passes" }, terminalReporter({ tty: false, color: false, write: (s) => void plain.push(s) }));
  expect(plain[2]).toBe("  ✓ a failing spec passes\n");
}, 60_000);
