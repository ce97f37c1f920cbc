import { describe, expect, it } from "vitest";
import { createLuaVm, type LuaInput, type LuaPreloadChunk } from "../../src/lua/index.js";

// A perVm template chunk runs once in the VM template with placeholder host
// functions; each VM passes tables of the same shape and data, and every
// placeholder (at any depth, in tables and arrays) is pointed at that VM's
// function. Anything but the late keys that differs is refused by path.

const unbound = (): never => {
  throw new Error("template placeholder ran");
};

/** The chunk's table argument; `f` gives the functions. */
function shape(f: (name: string) => () => LuaInput): Record<string, LuaInput> {
  return {
    top: f("top"),
    data: { answer: 42, words: ["a", "b"] },
    nested: { deeper: { fn: f("deep") }, list: [f("first"), 7, f("second")] },
    label: "",
  };
}

const SOURCE = `
local t = ...
return function()
  return t.top(), t.nested.deeper.fn(), t.nested.list[1](), t.nested.list[2], t.nested.list[3](), t.data.answer, t.label
end
`;

const PRELOAD: readonly LuaPreloadChunk[] = Object.freeze([
  { name: "bound", source: SOURCE, runInTemplate: () => [shape(() => () => unbound())], perVm: { late: ["label"], argNames: ["t"] } },
]);

describe("a perVm template chunk binds each VM's tables", () => {
  it("points every placeholder, at any depth, at the VM's own function and writes the late keys", async () => {
    const vms = await Promise.all(["x", "y"].map(async (tag) => ({ tag, vm: await createLuaVm({ preload: PRELOAD }) })));
    for (const { tag, vm } of vms) {
      const [fn] = vm.templateResults("bound", [{ ...shape((name) => () => `${tag}:${name}`), label: `label ${tag}` }])!;
      expect(vm.run("local f = ... return f()", "=call", fn as LuaInput)).toEqual([`${tag}:top`, `${tag}:deep`, `${tag}:first`, 7, `${tag}:second`, 42, `label ${tag}`]);
    }
    for (const { vm } of vms) vm.close();
  });

  it("refuses other data, other keys or a missing function, naming the path", async () => {
    const vm = await createLuaVm({ preload: PRELOAD });
    const ok = shape((name) => () => name);
    const bad: [Record<string, LuaInput>, RegExp][] = [
      [{ ...ok, data: { answer: 43, words: ["a", "b"] } }, /chunk 'bound': 0\.data\.answer has another value/],
      [{ ...ok, data: { answer: 42, words: ["a", "b"], extra: 1 } }, /chunk 'bound': 0\.data has other keys/],
      [{ ...ok, nested: { deeper: { fn: 5 }, list: [() => 1, 7, () => 2] } }, /chunk 'bound': 0\.nested\.deeper\.fn is not a function/],
      [{ ...ok, nested: { deeper: { fn: () => 1 }, list: [() => 1, 7] } }, /chunk 'bound': 0\.nested\.list is not an array of the same length/],
      [{ ...ok, nested: { deeper: { fn: () => 1 }, list: [() => 1, () => 7, () => 2] } }, /chunk 'bound': 0\.nested\.list\.2 has another value/],
    ];
    for (const [args, message] of bad) expect(() => vm.templateResults("bound", [args])).toThrow(message);
    vm.close();
  });
});
