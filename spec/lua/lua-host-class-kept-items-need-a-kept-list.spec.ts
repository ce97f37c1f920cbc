import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// keptItems pairs a method with a list the class keeps: a class defining it
// for a method it lacks, or for a list it does not keep, is refused when
// defined (its items would be answered from no list).
class Rack {
  items = [1, 2, 3];
}

describe("a host class's kept items need the method and a kept list", () => {
  it("refuses keptItems naming a missing method or a list not kept, and accepts the pair", async () => {
    const vm = await createLuaVm();
    const methods = { item: (r: Rack, i: unknown) => r.items[(i as number) - 1] };
    const properties = { items: { get: (r: Rack) => r.items } };
    expect(() => vm.defineClass<Rack>({ typeName: "Rack", methods, properties, keptItems: { item: "items" } })).toThrow(
      /keptItems item needs a method item and a kept list items/,
    );
    expect(() => vm.defineClass<Rack>({ typeName: "Rack", properties, keptLists: ["items"], keptItems: { item: "items" } })).toThrow(
      /keptItems item needs a method item and a kept list items/,
    );
    const cls = vm.defineClass<Rack>({ typeName: "Rack", methods, properties, keptLists: ["items"], keptItems: { item: "items" } });
    vm.installGlobals({ rack: vm.wrap(new Rack(), cls) });
    expect(vm.run("return rack:item(2), rack:item(3), #rack.items")).toEqual([2, 3, 3]);
    vm.close();
  });
});
