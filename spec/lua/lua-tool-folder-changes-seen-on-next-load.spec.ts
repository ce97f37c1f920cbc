import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

/** A modification time in whole seconds (as a file system with coarse timestamps keeps them). */
const STAMP = 1_700_000_000;

/** Loads the folder in a fresh VM and returns what main.lua returns. */
async function load(dir: string): Promise<unknown[]> {
  const vm = await createLuaVm({ tool: { dir } });
  try {
    return vm.loadTool();
  } finally {
    vm.close();
  }
}

describe("Lua host: every load sees the tool folder as it is on disk now", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function folder(main: string, lib: string): string {
    dir = mkdtempSync(join(tmpdir(), "rsim-folder-"));
    writeFileSync(join(dir, "main.lua"), main);
    writeFileSync(join(dir, "lib.lua"), lib);
    return dir;
  }

  it("a file rewritten between loads (other size) is read anew", async () => {
    const d = folder('return (require("lib"))', 'return "one"');
    expect(await load(d)).toEqual(["one"]);
    expect(await load(d)).toEqual(["one"]);
    writeFileSync(join(d, "lib.lua"), 'return "three"');
    expect(await load(d)).toEqual(["three"]);
  });

  it("a file rewritten with the same size and its old modification time is read anew", async () => {
    const d = folder('return (require("lib"))', 'return "one"');
    const lib = join(d, "lib.lua");
    utimesSync(lib, STAMP, STAMP); // whole seconds: set back exactly below
    expect(await load(d)).toEqual(["one"]);
    writeFileSync(lib, 'return "two"');
    utimesSync(lib, STAMP, STAMP);
    expect(statSync(lib).mtimeMs).toBe(STAMP * 1000);
    expect(await load(d)).toEqual(["two"]);
  });

  it("a file replaced by another (rename over it) is read anew", async () => {
    const d = folder('return (require("lib"))', 'return "one"');
    utimesSync(join(d, "lib.lua"), STAMP, STAMP);
    expect(await load(d)).toEqual(["one"]);
    writeFileSync(join(d, "lib.new"), 'return "two"');
    utimesSync(join(d, "lib.new"), STAMP, STAMP);
    renameSync(join(d, "lib.new"), join(d, "lib.lua"));
    expect(await load(d)).toEqual(["two"]);
  });

  it("a file removed between loads is missing on the next load", async () => {
    const d = folder('local ok, r = pcall(require, "lib") return ok and r or "missing"', 'return "one"');
    expect(await load(d)).toEqual(["one"]);
    rmSync(join(d, "lib.lua"));
    expect(await load(d)).toEqual(["missing"]);
  });

  it("main.lua edited between loads runs its new text", async () => {
    const d = folder("return 1", "");
    expect(await load(d)).toEqual([1]);
    writeFileSync(join(d, "main.lua"), "return 2");
    expect(await load(d)).toEqual([2]);
  });
});
