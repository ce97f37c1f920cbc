import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text } from "../../src/index.js";
import { payloads, scenarioArbitrary, streamCutPlanArbitrary } from "../../src/prop/index.js";

const SEED = 1234;

/** Same seed, same output: two samples of `arb` with one seed are deeply equal (and not all alike). */
function expectSameSeedSameOutput<T>(arb: fc.Arbitrary<T>): void {
  const a = fc.sample(arb, { seed: SEED, numRuns: 30 });
  const b = fc.sample(arb, { seed: SEED, numRuns: 30 });
  expect(b).toEqual(a);
  expect(new Set(a.map((x) => JSON.stringify(x))).size).toBeGreaterThan(1);
}

describe("every generator: same seed, same output", () => {
  const generators: [string, fc.Arbitrary<unknown>][] = [
    ["payloads.bytes", payloads.bytes()],
    ["payloads.line", payloads.line({ newline: "any" })],
    ["payloads.lines", payloads.lines()],
    ["payloads.httpRequest", payloads.httpRequest()],
    ["payloads.oscMessage", payloads.oscMessage()],
    ["payloads.nearValid", payloads.nearValid(payloads.httpRequest())],
    ["payloads.custom", payloads.custom(fc.constantFrom("a", "b", "c").map(text))],
    ["scenarioArbitrary tcp+udp", scenarioArbitrary({ protocols: ["tcp", "udp"] })],
    ["streamCutPlanArbitrary", streamCutPlanArbitrary([{ conn: 1, sends: [5, 1, 9] }, { conn: 2, sends: [3] }])],
  ];
  it.each(generators)("%s", (_name, arb) => expectSameSeedSameOutput(arb));
});
