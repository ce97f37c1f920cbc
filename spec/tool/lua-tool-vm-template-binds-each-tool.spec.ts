import { afterEach, describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, LuaError, type LuaToolOptions } from "../../src/index.js";
import { setLuaVmPoolingDefault } from "../../src/lua/pool.js";
import type { LuaPreloadChunk } from "../../src/lua/index.js";
import { TOOL_LUA_PRELOAD } from "../../src/tool/lua-preload.js";
import { songApiExtensions } from "../../src/tool/song-binding.js";

// The tool API chunks run once in the tool VM template (renoise.tool(),
// renoise.app(), renoise.Document, ...); each tool load binds the template's
// host table to itself. These specs compare that with binding chunks run at
// every load (the same preload list without runInTemplate) and check that
// nothing of one tool reaches the next.

/** The tool preload list with every chunk run at load instead of in the template. */
const AT_LOAD: readonly LuaPreloadChunk[] = Object.freeze(TOOL_LUA_PRELOAD.map(({ name, source }) => ({ name, source })));

const TOOL = `
prefs = renoise.Document.create("TemplatePrefs") { port = 8000, label = "none" }
renoise.tool().preferences = prefs
renoise.tool():add_menu_entry { name = "Main Menu:Tools:Template", invoke = function() print("menu ran") end }
ticks = 0
renoise.tool():add_timer(function() ticks = ticks + 1 end, 250)
idles = 0
renoise.tool().app_idle_observable:add_notifier(function() idles = idles + 1 end)
renoise.app():show_status("loaded " .. renoise.tool().name)
`;

/** What a tool shows of its API after a second of virtual time (no addresses, no pairs order). */
async function observe(options: Partial<LuaToolOptions>): Promise<unknown> {
  const sim = createSimulation({ seed: 5 });
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL }, preferences: { port: 9001 }, ...options });
  sim.advance(1000);
  tool.invokeMenu("Main Menu:Tools:Template");
  const seen = tool.vm.run(
    `
    local t, a = renoise.tool(), renoise.app()
    local ok, err = pcall(function() a:show_message({}) end)
    local ok2, err2 = pcall(function() renoise.tool().preferences = 5 end)
    return t.name, t.id, t.bundle_path, prefs.port.value, prefs.label.value, ticks, idles,
      type(a.window), a.window.fullscreen, type(t), type(a), type(renoise.Document), err, err2,
      #renoise.app().installed_tools, renoise.ApplicationWindow.MIDDLE_FRAME_PATTERN_EDITOR
  `,
    "@observe.lua",
  );
  // Every key of renoise and of its tables, with its type and (for constants) value, sorted.
  const [globals] = tool.vm.run(`
    local lines = {}
    local function dump(prefix, t)
      for k, v in pairs(t) do
        local name = prefix .. tostring(k)
        local kind = type(v)
        lines[#lines + 1] = name .. ":" .. kind .. ((kind == "number" or kind == "string") and ("=" .. tostring(v)) or "")
        if (kind == "table" or kind:match(" class$")) and prefix == "" then dump(name .. ".", v) end
      end
    end
    dump("", renoise)
    table.sort(lines)
    return table.concat(lines, "\\n")
  `);
  const xml = tool.preferencesXml();
  tool.unload();
  return { seen, globals, xml, messages: tool.messages, menus: tool.menuEntries, printed: tool.printed, trace: sim.trace.events.map((e) => JSON.stringify(e)) };
}

/** What depends on memory layout: must be the same in a pooled VM and one built from scratch. */
const LAYOUT = `
  local keys = {}
  for k in pairs(renoise) do keys[#keys + 1] = k end
  return table.concat(keys, ","), tostring(renoise.app().window), tostring(renoise.tool), collectgarbage("count"), math.random(1, 1e6)
`;

async function layout(): Promise<unknown[]> {
  const sim = createSimulation({ seed: 9 });
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const out = tool.vm.run(LAYOUT);
  tool.unload();
  return out;
}

describe("a tool VM bound from the template", () => {
  afterEach(() => setLuaVmPoolingDefault(true));

  it("shows what a VM whose binding chunks run at load shows", async () => {
    const template = await observe({});
    const atLoad = await observe({ preload: AT_LOAD });
    expect(template).toEqual(atLoad);
    expect((template as { globals: string }).globals).toContain("Transport.PLAYMODE_RESTART_PATTERN:number=1");
    expect((template as { seen: unknown[] }).seen.slice(0, 7)).toEqual(["tool", "tool", "/tool/", 9001, "none", 4, 10]);
  });

  it("is byte for byte the VM built from scratch (pooled or not)", async () => {
    const pooled = await layout();
    await layout(); // an instance that was used before
    const again = await layout();
    setLuaVmPoolingDefault(false);
    const fresh = await layout();
    expect(pooled).toEqual(fresh);
    expect(again).toEqual(fresh);
  });

  it("gives each tool its own host: two tools at once, then one after the other", async () => {
    const sim = createSimulation({ seed: 1 });
    const files = (label: string) => ({
      "main.lua": `renoise.tool():add_menu_entry { name = "Main Menu:Tools:${label}", invoke = function() print("${label}") end }
        renoise.tool().preferences = renoise.Document.create("P${label}") { who = "${label}" }`,
    });
    const a = await loadLuaTool(sim, { files: files("A"), host: sim.host.name });
    const b = await loadLuaTool(sim, { files: files("B"), preferences: { who: "saved B" } });
    a.invokeMenu("Main Menu:Tools:A");
    b.invokeMenu("Main Menu:Tools:B");
    expect([a.menuEntries, b.menuEntries]).toEqual([["Main Menu:Tools:A"], ["Main Menu:Tools:B"]]);
    expect([a.printed, b.printed]).toEqual([["A"], ["B"]]);
    expect([a.readPreferences(), b.readPreferences()]).toEqual([{ who: "A" }, { who: "saved B" }]);
    a.unload();
    b.unload();
    const c = await loadLuaTool(sim, { files: { "main.lua": "x = 1" } });
    expect(c.vm.run("return renoise.tool().preferences == nil, #renoise.app().installed_tools")).toEqual([true, 1]);
    expect(c.menuEntries).toEqual([]);
    c.unload();
  });

  it("installs at load what a song API extension added after the template was made", async () => {
    const extra = () => ({ Transport: { EXTRA_CONSTANT: 7 }, LateClass: { LATE: 1 } });
    songApiExtensions.push(extra);
    try {
      const sim = createSimulation({ seed: 1 });
      const tool = await loadLuaTool(sim, { files: { "main.lua": "x = 1" } });
      expect(
        tool.vm.run("return renoise.Transport.EXTRA_CONSTANT, renoise.LateClass.LATE, renoise.Transport.PLAYMODE_RESTART_PATTERN, type(renoise.song)"),
      ).toEqual([7, 1, 1, "function"]);
      tool.unload();
    } finally {
      songApiExtensions.splice(songApiExtensions.indexOf(extra), 1);
    }
  });

  it("after a tool that failed to load or ran into the instruction limit, the next tool is bound afresh", async () => {
    const sim = createSimulation({ seed: 1 });
    await expect(loadLuaTool(sim, { files: { "main.lua": "renoise.tool():add_menu_entry { name = 'Main Menu:X', invoke = print }\nerror('boom')" } })).rejects.toThrow(LuaError);
    await expect(loadLuaTool(sim, { files: { "main.lua": "while true do end" }, instructionLimit: 10_000 })).rejects.toThrow();
    const next = await observe({});
    expect(next).toEqual(await observe({ preload: AT_LOAD }));
  });
});
