import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../../src/scenario/schema.js";
import { parseScenario, ScenarioError } from "../../src/scenario/validate.js";
import { playScenario } from "../../src/scenario/play.js";
import { createLineEchoTool } from "../support/line-echo-tool.js";

const read = (p: string): string => readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");

describe("scenario files", () => {
  it("docs/scenario.schema.json is the schema the code uses (no drift)", () => {
    expect(JSON.parse(read("docs/scenario.schema.json"))).toEqual(JSON.parse(JSON.stringify(scenarioSchema)));
  });

  it("plays the example scenario against a tool: expectations met, split request reassembled", () => {
    const scenario = parseScenario(read("fixtures/scenarios/good/echo-with-latency.json"));
    const { sim, failures } = playScenario(scenario, (s) => createLineEchoTool(s));
    expect(failures).toEqual([]);
    const kinds = sim.events.map((e) => e.kind);
    expect(kinds).toContain("tcp.reset");
    // The split request reached the tool as two socket_message calls.
    const tablet = sim.getHost("tablet").address;
    const got = sim.events.filter((e) => e.kind === "callback" && e.callback === "socket_message" && String(e.peer).startsWith(`${tablet}:`));
    expect(got.map((e) => e.data)).toEqual(["split", " me please\\n"]);
    // Same file, same trace.
    const again = playScenario(scenario, (s) => createLineEchoTool(s)).sim.traceJsonl();
    expect(again).toBe(sim.traceJsonl());
  });

  it("reports a bad file with the path of the bad field", () => {
    expect(() => parseScenario(read("fixtures/scenarios/bad/step-misspelled-action.json"))).toThrow(ScenarioError);
    expect(() => parseScenario(read("fixtures/scenarios/bad/step-misspelled-action.json"))).toThrow(
      /^scenario\.peers\[0\]\.steps\[1\]\.recieve: unknown field; expected one of send, sendHex, wait, receive, timeout, expect, close, reset$/,
    );
    expect(() => parseScenario('{"faults":[{"fault":"explode"}]}')).toThrow(/scenario\.faults\[0\]\.fault: expected one of "partition", .*, got "explode"/);
    expect(() => parseScenario("{nope")).toThrow(/scenario: not valid JSON/);
    expect(() => parseScenario('{"peers":[{"host":"a","connect":"nohost"}]}')).toThrow(/scenario\.peers\[0\]\.connect: expected "host:port" with a port from 1 to 65535, got "nohost"/);
  });

  it("a failed expectation is reported, not thrown", () => {
    const scenario = parseScenario(
      JSON.stringify({ peers: [{ host: "p", connect: "renoise:8000", steps: [{ send: "x\n" }, { receive: "*line", timeout: 100, expect: "nope" }] }] }),
    );
    const { failures } = playScenario(scenario, (s) => createLineEchoTool(s));
    expect(failures).toEqual([{ peer: 0, step: 1, expected: "nope", got: "echo: x" }]);
  });
});
