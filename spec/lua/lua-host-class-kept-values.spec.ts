import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";
import { flushKept } from "../../src/lua/kept-store.js";

// HostClassSpec.constant and keptLists: Lua asks the host once per object,
// then answers from what it kept (a kept list as a new table per read) until
// the host empties the store with flushKept(bridge).
class Box {
  reads = 0;
  constructor(
    readonly size: number,
    readonly items: object[],
  ) {}
}

describe("host class properties Lua keeps (constant values, kept lists)", () => {
  it("reads each once per object, hands out a fresh list per read and reads again after a flush", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<Box>({
      typeName: "Box",
      properties: {
        size: { get: (b) => (b.reads++, b.size) },
        items: { get: (b) => (b.reads++, b.items) },
        other: { get: (b) => (b.reads++, b.size * 2) },
      },
      constant: ["size"],
      keptLists: ["items"],
    });
    const box = new Box(3, [vm.wrap(new Box(1, []), cls)]);
    vm.installGlobals({ box: vm.wrap(box, cls) });
    const [sizes, fresh, same, other] = vm.run(`
      local a, b = box.items, box.items
      a[2] = "x"
      return box.size + box.size, a ~= b and #box.items == 1, rawequal(a[1], b[1]), box.other + box.other
    `);
    expect([sizes, fresh, same, other]).toEqual([6, true, true, 12]);
    expect(box.reads).toBe(4); // size and items once each, `other` (not kept) twice
    box.items.push(vm.wrap(new Box(2, []), cls));
    expect(vm.run("return #box.items")).toEqual([1]); // kept until the host says otherwise
    flushKept(vm.bridge);
    expect(vm.run("return #box.items, box.size")).toEqual([2, 3]);
    expect(box.reads).toBe(6);
    expect(() => vm.run("box.size = 1")).toThrow(/property 'size' of an object of type 'Box' is read-only/);
    vm.close();
  });
});
