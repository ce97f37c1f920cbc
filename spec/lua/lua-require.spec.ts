import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createLuaVm, LuaError, LuaRef } from "../../src/lua/index.js";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/lua");

describe("Lua host: code and files come from the tool folder only", () => {
  it("loads a tool folder: runs main.lua, require maps 'foo.bar' to foo/bar.lua", async () => {
    const vm = await createLuaVm({ tool: { dir: resolve(FIXTURES, "tool-basic") } });
    vm.loadTool();
    expect(vm.printed).toEqual(["main.lua loaded"]);
    expect(vm.getGlobal("loaded.util")).toBe("util");
    expect(vm.getGlobal("loaded.bar")).toBe("hello tool");
    expect(vm.getGlobal("loaded.same_module")).toBe(true);
    expect(vm.getGlobal("loaded.bar_args")).toBe("foo.bar|foo/bar.lua");
    expect(vm.getGlobal("loaded.hello")).toBe("hello\nworld\n");
    vm.close();
  });

  it("loads a single script file, its folder acting as the tool folder", async () => {
    const vm = await createLuaVm({ tool: { file: resolve(FIXTURES, "single-script.lua") } });
    expect(vm.loadTool()).toEqual(["single:42"]);
    vm.close();
  });

  it("dofile outside the tool folder fails like a missing file (even if it exists) and is recorded", async () => {
    const vm = await createLuaVm({ tool: { dir: resolve(FIXTURES, "tool-escape") } });
    expect(() => vm.loadTool()).toThrow(/main\.lua:2: cannot open \.\.\/tool-basic\/lib\/util\.lua/);
    expect(vm.systemCalls).toEqual([{ kind: "file", call: "loadfile", path: "../tool-basic/lib/util.lua", result: "refused" }]);
    expect(vm.run("return 'still usable'")).toEqual(["still usable"]);
    vm.close();
  });

  it("loadfile, io.open and io.lines outside the folder fail as on a machine without the file", async () => {
    const vm = await createLuaVm({ tool: { dir: resolve(FIXTURES, "tool-basic") } });
    expect(vm.run("return loadfile('/etc/passwd')", "@main.lua")).toEqual([undefined, "cannot open /etc/passwd"]);
    expect(vm.run("return io.open('/etc/passwd')", "@main.lua")).toEqual([undefined, "/etc/passwd: No such file or directory", 2]);
    expect(vm.run(`return io.open("${resolve(FIXTURES, "single-script.lua")}")`, "@main.lua")[0]).toBeUndefined();
    expect(() => vm.run("for l in io.lines('../../package.json') do end", "@main.lua")).toThrow(
      /main\.lua:1: \.\.\/\.\.\/package\.json: No such file or directory/,
    );
    expect(vm.systemCalls.map((c) => c.kind === "file" && c.result)).toEqual(["refused", "refused", "refused", "refused"]);
    vm.close();
  });

  it("require does not search package.path entries outside the folder", async () => {
    const vm = await createLuaVm({ tool: { dir: resolve(FIXTURES, "tool-basic") } });
    let err: unknown;
    try {
      vm.run(`package.path = "${FIXTURES}/tool-basic/lib/?.lua;/usr/share/lua/?.lua" require "util"`, "@main.lua");
      vm.run(`require "json"`, "@main.lua");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LuaError);
    expect((err as LuaError).luaMessage).toMatch(/module 'json' not found/);
    expect((err as LuaError).luaMessage).toMatch(/no file '\/usr\/share\/lua\/json\.lua' \(outside the tool folder, not searched\)/);
    vm.close();
  });

  it("resolves absolute paths inside the tool folder", async () => {
    const dir = resolve(FIXTURES, "tool-basic");
    const vm = await createLuaVm({ tool: { dir } });
    const [f] = vm.run(`return loadfile("${dir}/lib/util.lua")`);
    expect(f).toBeInstanceOf(LuaRef);
    expect((f as LuaRef).call()).toHaveLength(1);
    vm.close();
  });

  it("reports a missing module with the files it tried", async () => {
    const vm = await createLuaVm({ tool: { files: { "main.lua": "require 'nope.mod'" } } });
    expect(() => vm.loadTool()).toThrow(/module 'nope\.mod' not found:[\s\S]*no file '\.\/nope\/mod\.lua'/);
    vm.close();
  });
});
