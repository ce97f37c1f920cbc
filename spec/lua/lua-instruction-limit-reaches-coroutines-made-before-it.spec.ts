import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// A coroutine takes its count hook from the thread that makes it. In a VM
// made with instructionLimit 0 (no hook), a coroutine made before
// setInstructionLimit turned the limit on had none, and an endless loop in
// it hung the host. Turning the limit on now hooks every thread the state
// has. Run in a child process with a time-out, so a regression fails
// instead of hanging the test worker. The threads are found on the
// collector's list at an offset probed once per process, so a VM built from
// scratch as the process's first VM (no pooled VM probed it before) is
// checked too.
const ROOT = resolve(import.meta.dirname, "../..");
const script = (pooled: boolean): string => `
const { createLuaVm, LuaInstructionLimitError } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "src/lua/index.js")).href)});
const say = (f) => {
  try { console.log("returned " + JSON.stringify(f())); }
  catch (e) { console.log(e instanceof LuaInstructionLimitError ? "limit" : "other " + e.message); }
};
const vm = await createLuaVm({ instructionLimit: 0, pooled: ${pooled} });
vm.run("co = coroutine.create(function() while true do end end) nested = coroutine.wrap(function() local inner = coroutine.create(function() while true do end end) coroutine.yield() return coroutine.resume(inner) end) nested()");
vm.setInstructionLimit(50000);
say(() => vm.run("return coroutine.resume(co)", "@main.lua"));
say(() => vm.run("return nested()", "@main.lua"));
say(() => vm.run("return 1 + 1"));
`;

const run = (pooled: boolean) =>
  spawnSync(process.execPath, ["--import", join(ROOT, "bench/ts-loader.mjs"), "--input-type=module", "-e", script(pooled)], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });

describe("Lua host: the instruction limit reaches coroutines made before it was turned on", () => {
  it.each([true, false])("stops an endless loop in a coroutine made while the limit was 0 (pooled: %s, the process's first VM)", (pooled) => {
    const r = run(pooled);
    expect(r.error, r.stderr).toBeUndefined();
    expect(r.stdout.trim().split("\n")).toEqual(["limit", "limit", "returned [2]"]);
  }, 90_000);
});
