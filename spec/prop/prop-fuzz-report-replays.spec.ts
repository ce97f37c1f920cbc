import { describe, expect, it } from "vitest";
import { FuzzFailure, fuzzNotifier, fuzzNotifierDetails, replayScenario, type FuzzScenario } from "../../src/prop/index.js";
import type { SocketClient } from "../../src/index.js";
import { BuggyLineRemote, FixedLineRemote } from "../../fixtures/notifiers/line-remote.js";

const SEED = 2024;

/** The fixed remote, counting the bytes it is given. */
class CountingFix extends FixedLineRemote {
  bytes = 0;
  override socket_message(client: SocketClient, message: string): void {
    this.bytes += message.length;
    super.socket_message(client, message);
  }
}

/** The complete lines each connection of the scenario sends, in order of peers (what a correct line remote executes). */
function completeLines(s: FuzzScenario): string[] {
  const out: string[] = [];
  for (const p of s.peers) {
    let buf = "";
    const flush = (): void => {
      const parts = buf.split("\n");
      parts.pop();
      out.push(...parts.map((l) => l.replace(/\r$/, "")));
      buf = "";
    };
    for (const st of p.steps) {
      if (st.op === "connect") flush();
      if (st.op === "send") buf += st.data;
    }
    flush();
  }
  return out;
}
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
    const run = replayScenario(() => new CountingFix(), scenario);
    // The fix really ran the scenario: every byte sent reached it, and it executed every complete line.
    const sent = scenario.peers.flatMap((p) => p.steps.flatMap((st) => (st.op === "send" ? [st.data.length] : [])));
    expect(sent.length).toBeGreaterThan(0);
    expect(run.notifier.bytes).toBe(sent.reduce((a, b) => a + b, 0));
    expect(run.notifier.executed).toEqual(completeLines(scenario));
  });

  it("says how to use it when called wrongly", () => {
    expect(() => fuzzNotifier(make, { runs: 0 })).toThrow(/fuzzNotifier: runs must be an integer >= 1/);
    expect(() => fuzzNotifier(make, { path: "0:1" })).toThrow(/path replays a failure only together with its seed/);
    expect(() => fuzzNotifier(undefined as never)).toThrow(/makeNotifier must be a function/);
  });
});
