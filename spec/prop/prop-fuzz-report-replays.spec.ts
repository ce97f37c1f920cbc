import { describe, expect, it } from "vitest";
import { FuzzFailure, fuzzNotifier, fuzzNotifierDetails, replayScenario, type FuzzScenario } from "../../src/prop/index.js";
import { BuggyLineRemote, FixedLineRemote } from "../../fixtures/notifiers/line-remote.js";

const SEED = 2024;
const make = () => new BuggyLineRemote();

// A failure report says what broke, shows the minimal scenario, and gives what replays it.
describe("fuzzNotifier failure report and replay", () => {
  const lines: string[] = [];
  const d = fuzzNotifierDetails(make, { seed: SEED, runs: 50, log: (l) => lines.push(l) });
  const f = d.failure!;

  it("prints the seed, and reports seed, path, reason, scenario, trace and Mermaid diagram", () => {
    expect(lines).toEqual([expect.stringContaining(`seed ${SEED}, path "${f.path}"`)]);
    expect(f).toBeInstanceOf(FuzzFailure);
    expect(f.name).toBe("FuzzFailure");
    expect(f.seed).toBe(SEED);
    expect(f.cause).toBeInstanceOf(TypeError);
    for (const part of [
      `seed ${SEED}, path "${f.path}"`,
      "Why:",
      "notifier.socket_message raised",
      "Minimal scenario (before shrinking:",
      "peer1 +0ms connect",
      `fuzzNotifier(makeNotifier, { ...yourOptions, seed: ${SEED}, path: "${f.path}" })`,
      "replayScenario(makeNotifier, {",
      "Trace:",
      "callback.error",
      "Mermaid:",
      "sequenceDiagram",
    ]) {
      expect(f.message).toContain(part);
    }
    expect(f.trace).toContain("socket_message");
    expect(f.mermaid.startsWith("sequenceDiagram")).toBe(true);
  });

  it("replays the same minimal scenario from seed and path", () => {
    let again: unknown;
    try {
      fuzzNotifier(make, { ...f.replay, log: false });
    } catch (e) {
      again = e;
    }
    expect(again).toBeInstanceOf(FuzzFailure);
    expect((again as FuzzFailure).scenario).toEqual(f.scenario);
    expect((again as FuzzFailure).reason).toBe(f.reason);
  });

  it("replays the printed scenario JSON on its own, and the fix passes it", () => {
    const printed = /replayScenario\(makeNotifier, (\{.*\}), yourOptions\)/.exec(f.message)![1]!;
    const scenario = JSON.parse(printed) as FuzzScenario;
    expect(scenario).toEqual(f.scenario);
    expect(() => replayScenario(make, scenario)).toThrow(FuzzFailure);
    expect(() => replayScenario(make, scenario)).toThrow(/replayScenario: the scenario fails/);
    const run = replayScenario(() => new FixedLineRemote(), scenario);
    expect(run.notifier.executed.length).toBeGreaterThanOrEqual(0);
  });

  it("says how to use it when called wrongly", () => {
    expect(() => fuzzNotifier(make, { runs: 0 })).toThrow(/fuzzNotifier: runs must be an integer >= 1/);
    expect(() => fuzzNotifier(make, { path: "0:1" })).toThrow(/path replays a failure only together with its seed/);
    expect(() => fuzzNotifier(undefined as never)).toThrow(/makeNotifier must be a function/);
  });
});
