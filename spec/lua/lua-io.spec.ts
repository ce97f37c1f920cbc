import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join("");

describe("Lua host: io inside the tool folder", () => {
  it("reads files byte-exactly with *a, *l, *L, *n and counts", async () => {
    const vm = await createLuaVm({ tool: { files: { "bin.dat": ALL_BYTES, "t.txt": "one\ntwo\n42 7.5\nlast" } } });
    expect(vm.run("local f = io.open('bin.dat', 'rb') local s = f:read('*a') f:close() return s, #s")).toEqual([ALL_BYTES, 256]);
    expect(vm.run("local f = io.open('t.txt') local l, L = f:read('*l'), f:read('*L') local n1, n2 = f:read('*n', '*n') return l, L, n1, n2, f:read(2), f:read('a'), f:read('l')")).toEqual([
      "one",
      "two\n",
      42,
      7.5,
      "\nl",
      "ast",
      undefined,
    ]);
    expect(vm.run("local t = {} for l in io.lines('t.txt') do t[#t + 1] = l end return table.concat(t, '|')")).toEqual([
      "one|two|42 7.5|last",
    ]);
    expect(vm.run("return io.open('missing.txt')")).toEqual([undefined, "missing.txt: No such file or directory", 2]);
    vm.close();
  });

  it("writes, appends and seeks into an in-memory overlay, never to disk", async () => {
    const dir = resolve(import.meta.dirname, "../../fixtures/lua/tool-basic");
    const vm = await createLuaVm({ tool: { dir } });
    vm.run(`
      local f = assert(io.open("prefs.bin", "wb"))
      f:write("ab\\0", 12, "\\255")
      f:close()
      local g = assert(io.open("prefs.bin", "a"))
      g:write("+")
      g:close()
      local h = assert(io.open("prefs.bin", "r+"))
      h:seek("set", 1)
      h:write("X")
      h:close()
    `);
    expect(vm.files.written.get("prefs.bin")).toBe("aX\x0012\xff+");
    expect(vm.run("local f = io.open('prefs.bin') return f:read('*a'), io.type(f), f:close(), io.type(f), io.type(42)")).toEqual([
      "aX\x0012\xff+",
      "file",
      true,
      "closed file",
      undefined,
    ]);
    expect(existsSync(resolve(dir, "prefs.bin"))).toBe(false);
    expect(vm.run("return os.remove('prefs.bin'), io.exists('prefs.bin'), os.remove('prefs.bin')")).toEqual([
      true,
      false,
      undefined,
      "prefs.bin: No such file or directory",
    ]);
    vm.close();
  });

  it("lists folders and refuses closed-file use", async () => {
    const vm = await createLuaVm({ tool: { files: { "main.lua": "", "a/x.lua": "", "a/y.txt": "", "a/b/z.lua": "" } } });
    expect(vm.run("return table.concat(os.filenames('a'), ','), table.concat(os.dirnames('a'), ','), table.concat(os.filenames('a', {'*.lua'}), ',')")).toEqual([
      "x.lua,y.txt",
      "b",
      "x.lua",
    ]);
    expect(() => vm.run("local f = io.open('main.lua') f:close() f:read()", "@main.lua")).toThrow(/attempt to use a closed file/);
    vm.close();
  });
});
