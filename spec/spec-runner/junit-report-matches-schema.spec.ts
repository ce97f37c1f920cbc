import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { junitXml } from "../../src/index.js";
import { parseXml, validateJunit } from "../support/junit-schema.js";
import { ROOT, runLuaSpecs } from "../support/specs.js";

// The JUnit report follows the common JUnit schema: passes, failures, errors,
// pending tests, a file that cannot be loaded, and names and messages that need escaping.
it("writes JUnit XML that follows the common JUnit schema", async () => {
  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-junit-"));
  writeFileSync(join(dir, "odd_spec.lua"), 'describe("<odd> & \\"quoted\\"", function()\n  it("fails with control bytes", function() error("bell \\7 and ]]> end") end)\nend)\n');
  writeFileSync(join(dir, "broken_spec.lua"), "it(\n");
  const s = await runLuaSpecs(["fixtures/specs/failing", "fixtures/specs/hand-mocked", dir]);
  const xml = junitXml(s, ROOT);
  expect(validateJunit(xml)).toEqual([]);

  const errors: string[] = [];
  const root = parseXml(xml, errors)!;
  expect(root.attrs).toMatchObject({ tests: "14", failures: "1", errors: "3", skipped: "1" });
  const suites = root.children.map((c) => c.attrs.name);
  expect(suites[0]).toBe("fixtures/specs/failing/failing_spec.lua");
  const odd = root.children.find((c) => c.attrs.name!.endsWith("odd_spec.lua"))!;
  expect(odd.children[1]!.attrs.name).toBe('<odd> & "quoted" fails with control bytes');
  expect(odd.children[1]!.children[0]!.attrs.message).toContain("bell \ufffd and ]]> end");
  const failure = root.children[0]!.children[1]!.children[0]!;
  expect(failure.name).toBe("failure");
  expect(failure.text).toContain("at fixtures/specs/failing/failing_spec.lua:9");
}, 60_000);

it("the schema check rejects what CI systems would reject", () => {
  const ok = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="1"><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="t" classname="c" time="0.5"/></testsuite></testsuites>\n';
  expect(validateJunit(ok)).toEqual([]);
  expect(validateJunit(ok.replace('tests="1" failures', 'tests="2" failures'))).toEqual(['testsuite a: tests="2" but counted 1']);
  expect(validateJunit(ok.replace(' classname="c"', ""))).toEqual(["<testcase> lacks classname"]);
  expect(validateJunit(ok.replace('time="0.5"', 'time="soon"'))).toEqual(['<testcase> time="soon" is not a decimal']);
  expect(validateJunit(ok.replace('name="t"', 'name="a & b"'))).toEqual(["unescaped &"]);
});
