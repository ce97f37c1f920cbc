import { expect, it } from "vitest";
import { cli } from "../support/cli.js";

// Usage and input errors exit 2 with a message; --help works on every command.
it("answers --help everywhere and exits 2 on usage errors", async () => {
  for (const cmd of ["run", "fuzz", "replay", "test", "demo"]) {
    const r = await cli([cmd, "--help"]);
    expect(r.code, cmd).toBe(0);
    expect(r.stdout, cmd).toContain(`renoise-sim ${cmd}`);
  }
  expect((await cli(["--help"])).stdout).toContain("Exit codes: 0 success, 1 a property or script");
  const cases: [string[], RegExp][] = [
    [["nope"], /unknown command "nope"/],
    [["run"], /expected one tool folder or .lua script/],
    [["run", "no/such/tool"], /no such tool folder or script/],
    [["run", "fixtures/demo/line-tool", "--bogus"], /unknown option --bogus/],
    [["fuzz", "fixtures/tools/http-server"], /--port <1..65535> is required/],
    [["fuzz", "fixtures/tools/http-server", "--port", "99999"], /--port 99999 is out of range: it must be between 1 and 65535/],
    [["fuzz", "fixtures/tools/http-server", "--port", "--runs", "5"], /--port needs a value, but the next word is the option --runs/],
    [["fuzz", "fixtures/tools/http-server", "--port", "8080", "--shard", "5/4"], /--shard must be i\/n/],
    [["fuzz", "fixtures/tools/http-server", "--port", "8080", "--grammar", "xml"], /unknown grammar "xml"/],
    [["replay", "rs1.!!!"], /token is damaged/],
    [["test", "missing.lua"], /no such script/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    expect(r.code, args.join(" ")).toBe(2);
    expect(r.stderr, args.join(" ")).toMatch(message);
  }
});
