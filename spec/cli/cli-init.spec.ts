import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, ROOT, tmp } from "../support/cli.js";

/** Copies a folder; `skip` names entries of its top level left out. */
function copyDir(src: string, to: string, skip: readonly string[] = []): void {
  mkdirSync(to, { recursive: true });
  // readdirSync, not cpSync: cpSync walks folders with Dir handles whose clean-up the
  // leak-check run (vitest --detectAsyncLeaks) sometimes sees as a DIRHANDLE leak.
  for (const e of readdirSync(src, { withFileTypes: true })) {
    if (skip.includes(e.name)) continue;
    if (e.isDirectory()) copyDir(join(src, e.name), join(to, e.name));
    else copyFileSync(join(src, e.name), join(to, e.name));
  }
}

/** Copies a tool folder without its spec/ folder. */
function copyTool(from: string, to: string): void {
  copyDir(join(ROOT, from), to, ["spec"]);
}

// renoise-sim init <tool-dir> writes a starter spec from the tool's manifest, menu
// entries and listening ports; renoise-sim test spec/ then runs green.
it("goes from a tool folder to a green Lua test in two commands", async () => {
  const dir = join(tmp(), "PingRemote.xrnx");
  copyTool("fixtures/specs/hand-mocked", dir);
  const init = await cli(["init", dir]);
  expect(init.code).toBe(0);
  expect(init.stdout).toContain('Ping Remote, 1 menu entries, ports TCP 8765 (started by "Main Menu:Tools:Ping Remote:Start")');
  const spec = readFileSync(join(dir, "spec/ping_remote_spec.lua"), "utf8");
  expect(spec).toContain('assert.are.equal("com.renoise-sim.fixtures.PingRemote", tool.id)');
  expect(spec).toContain('tool:invoke_menu("Main Menu:Tools:Ping Remote:Start")');
  const run = await cli(["test", "spec/"], dir);
  expect(run.stdout).toContain("3 tests: 3 passed, 0 failed, 0 errors, 0 pending (seed 1)");
  expect(run.code).toBe(0);
  // A second init does not overwrite the spec.
  const again = await cli(["init", dir]);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain("exists already; use --force");
  expect((await cli(["init", join(ROOT, "fixtures")])).code).toBe(2);
});

it("writes a green starter spec for each fixture tool", async () => {
  for (const name of ["byte-echo", "http-server", "idle-client", "line-server", "osc-udp-server"]) {
    const dir = join(tmp(), name);
    copyTool(`fixtures/tools/${name}`, dir);
    expect((await cli(["init", dir])).code).toBe(0);
    const run = await cli(["test"], dir);
    expect(run.stdout).toContain("0 failed, 0 errors");
    expect(run.code).toBe(0);
  }
}, 120_000);
