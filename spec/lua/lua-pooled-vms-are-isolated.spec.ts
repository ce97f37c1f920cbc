import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Scenario 1 changes everything a tool can reach; the next VM — restored
// into the very same module instance — sees none of it.
const POLLUTE = `
  leaked_global = "from scenario 1"
  debug.getregistry().leaked_registry = "from scenario 1"
  package.loaded.leaked_module = { "from scenario 1" }
  getmetatable("").__index.leaked_string_method = function() return "from scenario 1" end
  getmetatable("").__leaked = true
  setmetatable(_G, { __index = function() return "from scenario 1" end })
  math.randomseed(42)
  string.format = function() return "from scenario 1" end
  -- the upvalues of prelude functions (print's sink, os.time's clock)
  local i = 1
  while true do
    local name = debug.getupvalue(print, i)
    if name == nil then break end
    debug.setupvalue(print, i, nil)
    i = i + 1
  end
  class "LeakedClass"
  return "polluted"
`;

const OBSERVE = `
  return tostring(rawget(_G, "leaked_global")), tostring(debug.getregistry().leaked_registry),
    tostring(package.loaded.leaked_module), tostring(("").leaked_string_method),
    tostring(getmetatable("").__leaked), tostring(getmetatable(_G)), string.format("%d", 5),
    tostring(rawget(_G, "LeakedClass")), math.random(1, 1000000)
`;

describe("pooled Lua VMs are isolated from each other", () => {
  it("a VM sees nothing of what the previous user of its instance did", async () => {
    const reference = await createLuaVm({ seed: 1, pooled: false });
    const expected = reference.run(OBSERVE);
    reference.close();
    expect(expected).toEqual(["nil", "nil", "nil", "nil", "nil", "nil", "5", "nil", expected[8]]);

    const first = await createLuaVm({ seed: 1 });
    const instance = first.bridge.instance;
    expect(first.run(POLLUTE)).toEqual(["polluted"]);
    expect(first.run(OBSERVE)).not.toEqual(expected);
    first.close();

    const second = await createLuaVm({ seed: 1 });
    expect(second.bridge.instance).toBe(instance); // the same wasm instance, reused
    expect(second.run(OBSERVE)).toEqual(expected);
    second.run("print('printing still works')");
    expect(second.printed).toEqual(["printing still works"]);
    second.close();
  });

  it("two VMs alive at once never share an instance or state", async () => {
    const [a, b] = await Promise.all([createLuaVm(), createLuaVm()]);
    expect(a.bridge.instance).not.toBe(b.bridge.instance);
    a.run("shared = 'a'");
    expect(b.run("return shared")).toEqual([undefined]);
    a.close();
    b.close();
  });
});
