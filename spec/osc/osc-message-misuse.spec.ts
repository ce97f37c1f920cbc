import { describe, expect, it } from "vitest";
import { Message, OscUsageError } from "../../src/renoise/osc/index.js";
import type { OscArgument } from "../../src/renoise/osc/index.js";

/** Calls Message with arbitrary (untyped) input, as a Lua caller could. */
const call = (pattern: unknown, args?: unknown) => () =>
  Message(pattern as string, args as readonly OscArgument[] | undefined);

function expectMisuse(fn: () => unknown, detail: RegExp): void {
  expect(fn).toThrow(OscUsageError);
  expect(fn).toThrow(/^renoise\.Osc\.Message: /);
  expect(fn).toThrow(detail);
}

describe("renoise.Osc.Message throws a descriptive error on misuse", () => {
  it("non-string pattern", () => {
    expectMisuse(call(42), /pattern must be a string .* got number 42/);
    expectMisuse(call(undefined), /pattern must be a string/);
  });

  it("pattern not starting with /", () => {
    expectMisuse(call("foo"), /must start with "\/"/);
    expectMisuse(call(""), /must start with "\/"/);
  });

  it("pattern with NUL or non-byte characters", () => {
    expectMisuse(call("/a\0b"), /NUL byte at index 2/);
    expectMisuse(call("/caf\u20ac"), /U\+20AC at index 4 is not a byte.*text\("\.\.\."\)/);
  });

  it("arguments not an array", () => {
    expectMisuse(call("/a", { tag: "i", value: 1 }), /arguments must be an array .* wrap a single argument/);
    expectMisuse(call("/a", "i"), /arguments must be an array/);
  });

  it("argument not a table, or without tag", () => {
    expectMisuse(call("/a", [5]), /arguments\[0\] must be a table/);
    expectMisuse(call("/a", [{ tag: "i", value: 1 }, { value: 3 }]), /arguments\[1\] has no tag/);
  });

  it("unknown tag lists the valid ones; arrays are refused", () => {
    expectMisuse(call("/a", [{ tag: "x", value: 1 }]), /unknown tag string "x"; use one of "i", "f", .*"I"/);
    expectMisuse(call("/a", [{ tag: "[" }]), /arrays are not supported/);
  });

  it("value not convertible to its tag", () => {
    expectMisuse(call("/a", [{ tag: "i", value: "1" }]), /\(tag "i"\) needs an integer number/);
    expectMisuse(call("/a", [{ tag: "i", value: 1.5 }]), /round or clamp/);
    expectMisuse(call("/a", [{ tag: "i", value: 2 ** 31 }]), /-2147483648\.\.2147483647/);
    expectMisuse(call("/a", [{ tag: "f", value: "1.5" }]), /\(tag "f"\) needs a number/);
    expectMisuse(call("/a", [{ tag: "d", value: true }]), /\(tag "d"\) needs a number/);
    expectMisuse(call("/a", [{ tag: "s", value: 1 }]), /\(tag "s"\) needs a string/);
    expectMisuse(call("/a", [{ tag: "S", value: "a\0" }]), /NUL byte.*blob/);
    expectMisuse(call("/a", [{ tag: "b", value: 7 }]), /\(tag "b"\) needs a byte string or Uint8Array/);
    expectMisuse(call("/a", [{ tag: "b", value: "\u0100" }]), /not a byte/);
    expectMisuse(call("/a", [{ tag: "h", value: 2n ** 63n }]), /-2\^63\.\.2\^63-1/);
    expectMisuse(call("/a", [{ tag: "h", value: 0.5 }]), /\(tag "h"\)/);
    expectMisuse(call("/a", [{ tag: "t", value: -1 }]), /\(tag "t"\) needs an OSC time tag/);
    expectMisuse(call("/a", [{ tag: "c", value: "ab" }]), /single-character/);
    expectMisuse(call("/a", [{ tag: "c", value: 256 }]), /single-character/);
    expectMisuse(call("/a", [{ tag: "r", value: -1 }]), /0\.\.4294967295/);
    expectMisuse(call("/a", [{ tag: "m", value: 2 ** 32 }]), /0\.\.4294967295/);
  });

  it("a value for a tag that takes none", () => {
    expectMisuse(call("/a", [{ tag: "T", value: false }]), /\(tag "T"\) takes no value.*omit "value"/);
    expectMisuse(call("/a", [{ tag: "F", value: 1 }]), /\(tag "F"\) takes no value/);
    expectMisuse(call("/a", [{ tag: "N", value: 0 }]), /\(tag "N"\) takes no value/);
    expectMisuse(call("/a", [{ tag: "I", value: "" }]), /\(tag "I"\) takes no value/);
  });

  it("sparse argument arrays are reported, not skipped", () => {
    // eslint-disable-next-line no-sparse-arrays
    expectMisuse(call("/a", [{ tag: "T" }, , { tag: "F" }]), /arguments\[1\] must be a table/);
  });
});
