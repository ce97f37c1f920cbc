import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// renoise.Osc.Message reads its argument table as Lua reads it: a plain table
// of plain tables (read directly), a table or items behind __index / __len,
// a class instance among the items (not a table to Renoise's type()) and
// values of every kind give what reading them through Lua gives.
const TOOL = `
class "Arg"
function Arg:__init(v) self.tag = "i" self.value = v end
local function bin(args) local ok, m = pcall(renoise.Osc.Message, "/x", args) return ok and m.binary_data or ("error: " .. tostring(m)) end
function cases()
  local plain = bin({ { tag = "i", value = 1 }, { tag = "s", value = "ab" }, { tag = "T" } })
  local proxied = bin(setmetatable({}, { __index = function(_, i) if i <= 3 then return ({ { tag = "i", value = 1 }, { tag = "s", value = "ab" }, { tag = "T" } })[i] end end, __len = function() return 3 end }))
  local item_index = bin({ setmetatable({}, { __index = { tag = "i", value = 1 } }), { tag = "s", value = "ab" }, { tag = "T" } })
  local instance = bin({ Arg(1) })
  local number = bin({ 5 })
  local fn = bin({ { tag = "i", value = print } })
  return plain, proxied, item_index, instance, number, fn
end
`;

describe("renoise.Osc.Message and its argument table", () => {
  it("gives the same message for a plain table and one read through metamethods, and the same errors as before", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [plain, proxied, itemIndex, instance, num, fn] = tool.vm.call("cases") as string[];
    expect(proxied).toBe(plain);
    expect(itemIndex).toBe(plain);
    expect(plain!.startsWith("/x\0\0,isT")).toBe(true);
    // A class instance is not a table to Renoise's type(), so not a {tag, value} table.
    expect(instance).toMatch(/^error: renoise\.Osc\.Message: arguments\[0\] has no tag/);
    expect(num).toMatch(/^error: .*renoise\.Osc\.Message: arguments\[0\] must be a table \{ tag = "\.\.\.", value = \.\.\. \}, got number 5/);
    expect(fn).toMatch(/^error: .*renoise\.Osc\.Message: arguments\[0\] \(tag "i"\) needs an integer number/);
    tool.unload();
  });
});
