import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaPreloadChunk } from "../../src/lua/index.js";

const SOURCE = `
  local n = ...
  counter = (counter or 0) + 1
  local t = {}
  for i = 1, 50 do t["f" .. i] = i end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  return n * 2, counter, debug.getinfo(1, "S").source, table.concat(keys, ","), tostring({})
`;
const PRELOAD: readonly LuaPreloadChunk[] = [{ name: "doubler", source: SOURCE }];

// A binding chunk compiled into the VM snapshot runs exactly as the same
// chunk parsed at run time: same results, same chunk name, runs again on
// every call; another source under the same name is parsed as usual.
describe("preloaded internal chunks", () => {
  it("run like the parsed chunk, in pooled and fresh VMs alike", async () => {
    const results: unknown[][] = [];
    for (const pooled of [false, true, true]) {
      const vm = await createLuaVm({ preload: PRELOAD, pooled });
      const first = vm.run(SOURCE, "=[renoise-sim doubler]", 21);
      const second = vm.run(SOURCE, "=[renoise-sim doubler]", 5);
      expect(first.slice(0, 3)).toEqual([42, 1, "=[renoise-sim doubler]"]);
      expect(second.slice(0, 2)).toEqual([10, 2]);
      expect(vm.run("return 'other source'", "=[renoise-sim doubler]")).toEqual(["other source"]);
      results.push([...first, ...second]);
      vm.close();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);

    const plain = await createLuaVm();
    const parsed = plain.run(SOURCE, "=[renoise-sim doubler]", 21);
    expect(parsed.slice(0, 4)).toEqual(results[0]!.slice(0, 4));
    plain.close();
  });

  it("reports a syntax error in a preload chunk when the VM is made", async () => {
    let error: unknown;
    try {
      await createLuaVm({ preload: [{ name: "broken", source: "return (" }] });
    } catch (e) {
      error = e;
    }
    expect(String(error)).toContain("[renoise-sim broken]:1: unexpected symbol near <eof>");
  });
});
