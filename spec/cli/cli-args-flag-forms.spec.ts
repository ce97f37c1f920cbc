import { describe, expect, it } from "vitest";
import { intFlag, parseArgs, UsageError } from "../../src/cli/args.js";

// Argument parsing (node:util parseArgs underneath): --flag value, --flag=value, -h;
// a flag missing its value never takes the next flag; out-of-range numbers say so.
const parse = (argv: string[]) => parseArgs(argv, ["port", "runs", "seed"], ["help", "quiet"], "fuzz");

describe("command-line flags", () => {
  it("reads --flag value, --flag=value, switches, -h and positionals", () => {
    const a = parse(["tool/", "--port", "8080", "--runs=5", "--quiet", "-h"]);
    expect(a.positional).toEqual(["tool/"]);
    expect([...a.flags]).toEqual([
      ["port", "8080"],
      ["runs", "5"],
      ["quiet", true],
      ["help", true],
    ]);
  });

  it("takes everything after -- as positional", () => {
    expect(parse(["--", "--port", "x"]).positional).toEqual(["--port", "x"]);
  });

  it("never lets a flag without a value swallow the next flag", () => {
    expect(() => parse(["tool/", "--port", "--runs", "5"])).toThrow(/--port needs a value, but the next word is the option --runs/);
    expect(() => parse(["tool/", "--port"])).toThrow(/--port needs a value/);
    expect(() => parse(["tool/", "--port="])).toThrow(/--port needs a value/);
  });

  it("accepts a negative number as a value", () => {
    expect(parse(["--seed", "-5"]).flags.get("seed")).toBe("-5");
  });

  it("rejects unknown flags and values given to switches", () => {
    expect(() => parse(["--bogus"])).toThrow(/unknown option --bogus \(see renoise-sim fuzz --help\)/);
    expect(() => parse(["-x"])).toThrow(/unknown option -x/);
    expect(() => parse(["--quiet=yes"])).toThrow(/--quiet takes no value/);
    expect(() => parse(["--bogus"])).toThrow(UsageError);
  });

  it("says a number is out of range, not missing", () => {
    const a = parse(["--port", "99999", "--runs", "0", "--seed", "x"]);
    expect(() => intFlag(a, "port", "fuzz", undefined, { min: 1, max: 65535 })).toThrow("fuzz: --port 99999 is out of range: it must be between 1 and 65535");
    expect(() => intFlag(a, "runs", "fuzz", 100, { min: 1 })).toThrow("fuzz: --runs 0 is out of range: it must be at least 1");
    expect(() => intFlag(a, "seed", "fuzz")).toThrow("fuzz: --seed must be an integer, got x");
    expect(intFlag(parse([]), "port", "fuzz", 7)).toBe(7);
  });
});
