import { readdirSync, readFileSync } from "node:fs";
import Ajv2020Import from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError } from "../../src/scenario/validate.js";
import { cliInProcess } from "../support/cli-inproc.js";

// Hardening (issue 12, item 6): one schema, one validator. Every file of the
// corpus fixtures/scenarios/good|bad is judged the same way by the CLI
// (renoise-sim run --scenario) and by a plain JSON Schema check of
// docs/scenario.schema.json; every rejection names the field and exits 2.
const dir = (d: string): URL => new URL(`../../fixtures/scenarios/${d}/`, import.meta.url);
const files = (d: string): string[] => readdirSync(dir(d)).filter((f) => f.endsWith(".json")).sort();
const read = (d: string, f: string): string => readFileSync(new URL(f, dir(d)), "utf8");

type AjvClass = typeof Ajv2020Import;
const Ajv2020 = ((Ajv2020Import as unknown as { default?: AjvClass }).default ?? Ajv2020Import);
// An independent schema check: the shipped schema file, a fresh ajv, default options (unknown keywords allowed).
const schemaCheck = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(new URL("../../docs/scenario.schema.json", import.meta.url), "utf8")) as object);

/** The field each bad file gets wrong. */
const BAD: Record<string, string> = {
  "close-false.json": "scenario.peers[0].steps[0].close",
  "connect-port-out-of-range.json": "scenario.peers[0].connect",
  "connect-without-port.json": "scenario.peers[0].connect",
  "echo-port-fraction.json": "scenario.hosts[0].responder.port",
  "echo-port-missing.json": "scenario.hosts[0].responder.port",
  "http-status-not-a-number.json": "scenario.hosts[0].responder.status",
  "invoke-menu-and-keybinding.json": "scenario.invoke[0]",
  "invoke-negative-time.json": "scenario.invoke[0].at",
  "line-echo-prefix-number.json": "scenario.hosts[0].responder.prefix",
  "not-an-object.json": "scenario",
  "peer-without-host.json": "scenario.peers[0].host",
  "preferences-nested.json": "scenario.preferences.server",
  "receive-bad-mode.json": "scenario.peers[0].steps[0].receive",
  "responder-unknown-kind.json": "scenario.hosts[0].responder.kind",
  "schema-not-a-string.json": "scenario.$schema",
  "seed-fraction.json": "scenario.seed",
  "seed-too-large.json": "scenario.seed",
  "semantics-unknown-choice.json": "scenario.semantics.connectionWrappers",
  "semantics-unknown-key.json": "scenario.semantics.udpDummyCanReply",
  "sendhex-not-pairs.json": "scenario.peers[0].steps[0].sendHex",
  "step-misspelled-action.json": "scenario.peers[0].steps[1].recieve",
  "timeout-without-receive.json": "scenario.peers[0].steps[0].timeout",
  "two-actions-in-one-step.json": "scenario.peers[0].steps[0]",
  "unknown-condition.json": "scenario.faults[0].fault",
  "unknown-fault.json": "scenario.faults[0].fault",
  "unknown-top-level-field.json": "scenario.peer",
  "wait-negative.json": "scenario.peers[0].steps[0].wait",
};

describe("the scenario corpus", () => {
  it("names the field of every bad file (and nothing else is in bad/)", () => {
    expect(files("bad")).toEqual(Object.keys(BAD).sort());
  });

  it.each(files("good"))("good/%s passes the schema check and the CLI's validator", (f) => {
    const v = JSON.parse(read("good", f)) as unknown;
    expect(schemaCheck(v), JSON.stringify(schemaCheck.errors)).toBe(true);
    expect(() => parseScenario(read("good", f))).not.toThrow();
  });

  it.each(files("bad"))("bad/%s fails the schema check and the CLI's validator, at its field", (f) => {
    const v = JSON.parse(read("bad", f)) as unknown;
    expect(schemaCheck(v)).toBe(false);
    let err: unknown;
    try {
      parseScenario(read("bad", f));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).path).toBe(BAD[f]);
    // The problem in words, after the field: never a JavaScript stack.
    expect((err as ScenarioError).message).toMatch(/^scenario[^:]*: (expected|unknown field|missing|only allowed)\b/);
  });

  it.each(files("bad"))("renoise-sim run rejects bad/%s with exit 2, naming the field", async (f) => {
    const r = await cliInProcess(["run", "fixtures/tools/line-server", "--scenario", `fixtures/scenarios/bad/${f}`, "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`renoise-sim run: fixtures/scenarios/bad/${f}: ${BAD[f]!}: `);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(files("good"))("renoise-sim run accepts good/%s (no usage error)", async (f) => {
    const r = await cliInProcess(["run", "fixtures/tools/line-server", "--scenario", `fixtures/scenarios/good/${f}`, "--quiet"]);
    expect(r.stderr).not.toMatch(/renoise-sim run: fixtures\/scenarios/);
    expect(r.code).not.toBe(2);
  });
});
