import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtinInvariants,
  fuzzNotifierDetails,
  payloads,
  runScenario,
  scenarioArbitrary,
  type FuzzScenarioRun,
  type Invariant,
} from "../../src/prop/index.js";
import { startRestlessEcho } from "../../fixtures/notifiers/restless-echo.js";

const SEED = 20261130;

// Invariant.kinds: a built-in invariant that declares the event kinds it reads
// reports the same violations, in the same words, when it is given only the
// events of those kinds (what the fuzzers give it) as when it reads the whole
// trace, on real runs and on runs with events removed (which break invariants).
describe("built-in invariants read only the kinds they declare", () => {
  it("report the same on the whole trace and on their kinds", () => {
    console.log(`prop-invariants-read-only-their-kinds: seed ${SEED}`);
    let violations = 0;
    const arb = fc.tuple(
      scenarioArbitrary({
        protocols: ["tcp", "udp"],
        payload: fc.oneof(payloads.lines({ newline: "any" }), payloads.bytes()),
        faults: ["reset", "partition", "server-error", "udp"],
      }),
      fc.array(fc.nat(), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(arb, ([scenario, removals]) => {
        const run: FuzzScenarioRun<unknown> = runScenario(scenario, { start: startRestlessEcho });
        const events = run.events.filter((_, i) => !removals.some((r) => r % run.events.length === i));
        for (const inv of builtinInvariants) {
          expect(inv.kinds, inv.name).toBeDefined();
          const kinds = new Set(inv.kinds);
          const whole = inv.check({ events, calls: run.calls, faulted: run.faulted, settled: run.settled });
          const own = inv.check({ events: events.filter((e) => kinds.has(e.kind)), calls: run.calls, faulted: run.faulted, settled: run.settled });
          expect(own, inv.name).toEqual(whole);
          violations += whole.length;
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The removals must have broken something, or the comparison above only saw empty lists.
    expect(violations).toBeGreaterThan(0);
  });
});

describe("invariants given to a fuzzer as builtins", () => {
  const seen = (kinds?: string[]): { inv: Invariant; kinds: Set<string>; counts: number[] } => {
    const out = { kinds: new Set<string>(), counts: [] as number[] };
    const inv: Invariant = {
      name: "records-what-it-reads",
      rule: "-",
      description: "records the kinds it is given",
      ...(kinds ? { kinds } : {}),
      check({ events }) {
        for (const e of events) out.kinds.add(e.kind);
        out.counts.push(events.length);
        return [];
      },
    };
    return { inv, ...out };
  };
  const echo = () => ({ socket_message: (c: { is_open: boolean; send(m: string): unknown }, m: string) => void (c.is_open && c.send(m)) });

  it("get only their declared kinds when all declare kinds the fuzzer selects", () => {
    const a = seen(["callback"]);
    const b = seen([]);
    const d = fuzzNotifierDetails(echo, { seed: 5, runs: 20, log: false, builtins: [a.inv, b.inv] });
    expect(d.ok).toBe(true);
    expect([...a.kinds]).toEqual(["callback"]);
    expect(b.counts.every((n) => n === 0)).toBe(true);
  });

  it("get the whole trace when one declares no kinds, or a kind the fuzzer does not select", () => {
    for (const other of [seen(), seen(["host.add"])]) {
      const a = seen(["callback"]);
      fuzzNotifierDetails(echo, { seed: 5, runs: 5, log: false, builtins: [a.inv, other.inv] });
      expect(a.kinds.has("host.add")).toBe(true);
      expect(other.kinds.has("tcp.deliver")).toBe(true);
    }
  });
});
