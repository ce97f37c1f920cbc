import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, type LuaTool } from "../../src/index.js";

const { Message, Bundle, from_binary_data } = createOscApi();

async function withTool<T>(fn: (tool: LuaTool) => T): Promise<T> {
  const sim = createSimulation({ seed: 1 });
  const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
  try {
    return fn(tool);
  } finally {
    tool.unload();
  }
}

describe("renoise.Osc in Lua (backed by src/renoise/osc)", () => {
  it("builds messages whose binary_data is the TypeScript encoding, with arguments as {tag=, value=} tables", async () => {
    const [bytes, pattern, n, tag1, value1, tag3, value3, typeName] = await withTool((tool) =>
      tool.vm.run(`
        local m = renoise.Osc.Message("/renoise/trigger/note_on",
          { { tag = "i", value = 1 }, { tag = "s", value = "str" }, { tag = "b", value = "\\0\\255" }, { tag = "T" } })
        local args = m.arguments
        return m.binary_data, m.pattern, #args, args[1].tag, args[1].value, args[3].tag, args[3].value, type(m)
      `),
    );
    const expected = Message("/renoise/trigger/note_on", [
      { tag: "i", value: 1 },
      { tag: "s", value: "str" },
      { tag: "b", value: "\0\xff" },
      { tag: "T" },
    ]);
    expect(bytes).toBe(expected.binary_data);
    expect([pattern, n, tag1, value1, tag3, value3, typeName]).toEqual([
      "/renoise/trigger/note_on",
      4,
      "i",
      1,
      "b",
      "\0\xff",
      "Message",
    ]);
  });

  it("builds bundles of messages and bundles; from_binary_data returns the object or nil, error", async () => {
    const out = await withTool((tool) =>
      tool.vm.run(`
        local inner = renoise.Osc.Bundle(2, renoise.Osc.Message("/b"))
        local b = renoise.Osc.Bundle(1, { renoise.Osc.Message("/a", { { tag = "f", value = 0.5 } }), inner })
        local back = assert(renoise.Osc.from_binary_data(b.binary_data))
        local bad, err = renoise.Osc.from_binary_data("not osc")
        return b.binary_data, type(back), back.timetag, #back.elements, type(back.elements[2]),
          back.elements[1].arguments[1].value, bad, err
      `),
    );
    const expected = Bundle(1, [Message("/a", [{ tag: "f", value: 0.5 }]), Bundle(2, [Message("/b")])]);
    expect(out.slice(0, 7)).toEqual([expected.binary_data, "Bundle", 1, 2, "Bundle", 0.5, undefined]);
    expect(out[7]).toBe(from_binary_data("not osc")[1]);
  });

  it("raises misuse as Lua errors with the renoise.Osc message", async () => {
    const errors = await withTool((tool) =>
      tool.vm.run(`
        local function err(f) local ok, e = pcall(f) return e end
        return err(function() renoise.Osc.Message("no-slash") end),
          err(function() renoise.Osc.Message("/x", { { tag = "i", value = 1.5 } }) end),
          err(function() renoise.Osc.Message("/x", { 5 }) end),
          err(function() renoise.Osc.Bundle(1, { "nope" }) end)
      `, "@osc.lua"),
    );
    expect(errors[0]).toMatch(/^osc\.lua:3: renoise\.Osc\.Message: pattern must start with "\/"/);
    expect(errors[1]).toMatch(/renoise\.Osc\.Message: arguments\[0\] \(tag "i"\) needs an integer/);
    expect(errors[2]).toMatch(/renoise\.Osc\.Message: arguments\[0\] must be a table .*got number 5/);
    expect(errors[3]).toMatch(/renoise\.Osc\.Bundle: elements\[0\] must be a renoise\.Osc\.Message or Bundle/);
  });

  it("lets send() take Message and Bundle objects and sends their binary_data unframed", async () => {
    const sim = createSimulation({ seed: 1 });
    const got: string[] = [];
    const [server] = sim.renoise.Socket.create_server(9100, 2);
    server!.run({ socket_message: (_c, m) => void got.push(m) });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          local c = renoise.Socket.create_client("localhost", 9100, renoise.Socket.PROTOCOL_UDP)
          c:send(renoise.Osc.Message("/one", { { tag = "i", value = 7 } }))
          c:send(renoise.Osc.Bundle(1, { renoise.Osc.Message("/two") }))`,
      },
    });
    sim.runUntilIdle();
    expect(got).toEqual([
      Message("/one", [{ tag: "i", value: 7 }]).binary_data,
      Bundle(1, [Message("/two")]).binary_data,
    ]);
    tool.unload();
  });
});
