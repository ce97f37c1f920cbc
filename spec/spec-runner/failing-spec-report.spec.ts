import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { ROOT, runLuaSpecs } from "../support/specs.js";

// A failing test reports the assertion message with file and line, the end of
// the trace and the diagram it wrote; the run's exit code is 1.
it("reports a failure with its message, spec line, trace tail and diagram", async () => {
  const s = await runLuaSpecs(["fixtures/specs/failing"], { traceLines: 5 });
  expect(s.exitCode).toBe(1);
  expect(s.results.map((r) => r.status)).toEqual(["failure", "success", "error", "pending"]);
  const f = s.results[0]!;
  expect(f.location).toBe("fixtures/specs/failing/failing_spec.lua:9");
  expect(f.message).toBe("failing_spec.lua:9: Expected objects to be equal.\nPassed in:\n(string) 'PONG'\nExpected:\n(string) 'PANG'");
  expect(f.seed).toBe(1);
  expect(f.traceTail!.split("\n")).toHaveLength(5);
  expect(f.traceTail).toContain('client.receive         socket="tcp 10.0.0.2');
  const page = readFileSync(resolve(ROOT, f.diagram!), "utf8");
  expect(page).toContain("```mermaid\nsequenceDiagram");
  expect(page).toContain("seed 1, 20 ms of virtual time");
  const e = s.results[2]!;
  expect(e.location).toBe("fixtures/specs/failing/failing_spec.lua:18");
  expect(e.message).toContain("attempt to index a nil value (local 't')");
}, 60_000);
