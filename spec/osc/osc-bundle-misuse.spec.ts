import { describe, expect, it } from "vitest";
import { Bundle, Message, OscUsageError } from "../../src/renoise/osc/index.js";
import type { OscElement, OscInt64 } from "../../src/renoise/osc/index.js";

const call = (timetag: unknown, elements: unknown) => () =>
  Bundle(timetag as OscInt64, elements as OscElement[]);

function expectMisuse(fn: () => unknown, detail: RegExp): void {
  expect(fn).toThrow(OscUsageError);
  expect(fn).toThrow(/^renoise\.Osc\.Bundle: /);
  expect(fn).toThrow(detail);
}

describe("renoise.Osc.Bundle throws a descriptive error on misuse", () => {
  const m = Message("/a");

  it("invalid time tags", () => {
    expectMisuse(call("now", [m]), /timetag must be a raw OSC time tag.*got string "now"/);
    expectMisuse(call(-1, [m]), /0\.\.2\^64-1/);
    expectMisuse(call(NaN, [m]), /timetag/);
    expectMisuse(call(Infinity, [m]), /timetag/);
    expectMisuse(call(2n ** 64n, [m]), /timetag/);
    expectMisuse(call(2 ** 64, [m]), /timetag/);
  });

  it("elements that are not messages or bundles", () => {
    expectMisuse(call(1, undefined), /elements must be a renoise\.Osc\.Message or Bundle.*renoise\.Osc\.Message\(pattern/);
    expectMisuse(call(1, "/a"), /elements must be/);
    expectMisuse(call(1, [m, { pattern: "/fake", binary_data: "" }]), /elements\[1\] must be a renoise\.Osc\.Message or Bundle, got object/);
  });
});
