import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// instrument.samples and a sample device chain's devices are lists Lua keeps,
// and instrument:sample(i) / chain:device(i) answer from them: the very
// userdata the list holds, and at once the new list after every kind of
// change (insert, delete, swap, clear, copy_from, slice markers), made from
// Lua in the same call or from TypeScript between calls.
const TOOL = `
  song = renoise.song()
  function names(i)
    local ins, out = song:instrument(i), {}
    for k = 1, #ins.samples do
      local s = ins:sample(k)
      if not rawequal(s, ins.samples[k]) then return "not the list's userdata" end
      out[k] = s.name
    end
    return table.concat(out, ",")
  end
  function name_samples(i) local ins = song:instrument(i) for k = 1, #ins.samples do ins:sample(k).name = "s" .. k end end
  function in_one_call()
    local ins = song:instrument(1)
    local out = {}
    ins:insert_sample_at(1); ins:insert_sample_at(2); name_samples(1)
    out[#out + 1] = names(1)
    ins:swap_samples_at(1, 2); out[#out + 1] = names(1)
    ins:delete_sample_at(1); out[#out + 1] = names(1)
    local first = ins:sample(1)
    first.sample_buffer:create_sample_data(44100, 16, 1, 1000)
    first:insert_slice_marker(500); out[#out + 1] = tostring(#ins.samples) .. ":" .. tostring(rawequal(ins:sample(1), first))
    first.slice_markers = {}; out[#out + 1] = tostring(#ins.samples)
    ins:clear(); out[#out + 1] = tostring(#ins.samples)
    return table.concat(out, "|")
  end
  function chain_in_one_call()
    local ins = song:instrument(1)
    local chain = ins:insert_sample_device_chain_at(1)
    local out = {}
    local function devs()
      local t = {}
      for k = 1, #chain.devices do
        if not rawequal(chain:device(k), chain.devices[k]) then return "not the list's userdata" end
        t[k] = chain:device(k).name
      end
      return table.concat(t, ",")
    end
    out[#out + 1] = devs()
    chain:insert_device_at("Audio/Effects/Native/Delay", 2); out[#out + 1] = devs()
    chain:insert_device_at("Audio/Effects/Native/Chorus 2", 2); out[#out + 1] = devs()
    chain:swap_devices_at(2, 3); out[#out + 1] = devs()
    chain:delete_device_at(2); out[#out + 1] = devs()
    return table.concat(out, "|")
  end
`;

describe("instrument samples and sample-chain devices follow their lists", () => {
  it("after changes made from Lua in the same call", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.vm.call("names", 1)).toEqual([""]);
    expect(tool.vm.call("in_one_call")).toEqual(["s1,s2|s2,s1|s1|2:true|1|0"]);
    expect(tool.vm.call("chain_in_one_call")).toEqual(["Mixer|Mixer,Delay|Mixer,Chorus 2,Delay|Mixer,Delay,Chorus 2|Mixer,Chorus 2"]);
    tool.unload();
  });

  it("after changes made from TypeScript between calls, copy_from included", async () => {
    const sim = createSimulation();
    const song = sim.song;
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const ins = song.instruments[0]!;
    const names = () => ins.samples.map((s) => s.name).join(",");
    expect(tool.vm.call("names", 1)).toEqual([""]);
    ins.insert_sample_at(1).name = "a";
    ins.insert_sample_at(2).name = "b";
    expect(tool.vm.call("names", 1)).toEqual([names()]);
    ins.swap_samples_at(1, 2);
    expect(tool.vm.call("names", 1)).toEqual(["b,a"]);
    song.insert_instrument_at(2);
    const other = song.instruments[1]!;
    other.insert_sample_at(1).name = "x";
    expect(tool.vm.call("names", 2)).toEqual(["x"]);
    ins.copy_from(other);
    expect(tool.vm.call("names", 1)).toEqual(["x"]);
    ins.delete_sample_at(1);
    expect(tool.vm.call("names", 1)).toEqual([""]);
    tool.unload();
  });
});
