import { describe, expect, it } from "vitest";
import { clearFrontEndCache, createLuaVm } from "../../src/lua/index.js";

// `LuaVm.run` of a 5.1 chunk whose translation inserts text writes the
// translation's pieces into the module's memory when its cached text is not
// made yet, and the text (through the scratch buffer) once a reader (Lua's
// `loadstring` of the same chunk, in any VM of the process) has made it.
// Both must leave the VM's heap the same: what a later chunk sees of it
// (table addresses in `tostring`, the order `pairs` gives table keys)
// must not depend on what other VMs of the process did before.

let CHUNK = "function f(...) return arg.n end\n";
for (let i = 0; i < 3000; i++) CHUNK += `function g${i}(...) local t = {arg.n, ${i}} return t end\n`;
CHUNK += "return f(1, 2)";

const PROBE = [
  "local out = {}",
  "for i = 1, 5 do out[#out + 1] = tostring({}) end",
  "local t, order = {}, {}",
  "for i = 1, 20 do t[{ i }] = i end",
  "for _, v in pairs(t) do order[#order + 1] = v end",
  "return table.concat(out, ' '), table.concat(order, ',')",
].join("\n");

async function runThenProbe(): Promise<unknown[]> {
  const vm = await createLuaVm({ luaVersion: "5.1" });
  try {
    expect(vm.run(CHUNK, "=x")).toEqual([2]);
    return vm.run(PROBE, "=probe");
  } finally {
    vm.close();
  }
}

describe("Lua 5.1 VM: run of a chunk with insertions", () => {
  it("leaves the same heap before and after another VM made the chunk's text", async () => {
    clearFrontEndCache();
    const before = await runThenProbe();
    // Another VM loads the same chunk with Lua's loadstring: the cached translation's text is made.
    const other = await createLuaVm({ luaVersion: "5.1" });
    try {
      other.setGlobal("SRC", CHUNK);
      expect(other.run("return assert(loadstring(SRC))()", "=other")).toEqual([2]);
    } finally {
      other.close();
    }
    const after = await runThenProbe();
    expect(after).toEqual(before);
  });
});
