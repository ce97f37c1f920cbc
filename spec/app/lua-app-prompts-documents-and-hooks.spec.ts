import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

const TOOL = `
local tool = renoise.tool()
tool.app_new_document_observable:add_notifier(function() print("new document") end)
tool.app_release_document_observable:add_notifier(function() print("release document") end)
tool.app_saved_document_observable:add_notifier(function() print("saved document") end)
tool:add_file_import_hook {
  category = "sample", extensions = { "wav", "aif" },
  invoke = function(path) print("import " .. path) return true end,
}
function ask()
  local dir = renoise.app():prompt_for_path("Where?")
  local file = renoise.app():prompt_for_filename_to_read({ "xrns" }, "Song?")
  local many = renoise.app():prompt_for_multiple_filenames_to_read({ "wav" }, "Samples?")
  local out = renoise.app():prompt_for_filename_to_write("txt", "Save log")
  print(dir, file, #many, out == "" and "cancelled" or out)
end
`;

describe("renoise.app(): prompts, documents, modifiers, installed tools; renoise.tool() hooks", () => {
  it("file prompts are answered from options.filePrompts in order, then cancelled", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": TOOL },
      filePrompts: ["/music/", (call, _title, exts) => `/music/song.${exts[0]}`, ["/a.wav", "/b.wav"]],
    });
    tool.vm.call("ask");
    expect(tool.printed).toEqual(["/music/\t/music/song.xrns\t2\tcancelled"]);
    expect(sim.formatTrace()).toContain("app.prompt_for_filename_to_write");
    tool.unload();
  });

  it("load_song and new_song fire release then new document; save_song_as fires saved; all are recorded", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    tool.vm.run(`renoise.app():load_song("/music/a.xrns"); renoise.app():save_song_as("/music/b.xrns")
      renoise.app():open_url("https://example.org"); renoise.app():open_path("/music")`);
    expect(tool.printed).toEqual(["release document", "new document", "saved document"]);
    expect(tool.messages.map((m) => `${m.kind} ${m.text}`)).toEqual([
      "load_song /music/a.xrns",
      "save_song_as /music/b.xrns",
      "open_url https://example.org",
      "open_path /music",
    ]);
    expect(tool.vm.run("return renoise.app().recently_loaded_song_files[1]")).toEqual(["/music/a.xrns"]);
    tool.fireAppObservable("app_new_document_observable");
    expect(tool.printed.at(-1)).toBe("new document");
    tool.unload();
  });

  it("key modifiers are set by the test; installed_tools lists the loaded tools; import hooks run", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    tool.keyModifiers.shift = "pressed";
    expect(tool.vm.run("local m = renoise.app().key_modifier_states return m.shift, m.alt")).toEqual(["pressed", "released"]);
    expect(tool.vm.run("return #renoise.app().installed_tools, renoise.app().installed_tools[1].name")).toEqual([1, tool.name]);
    expect(tool.fileImportHooks).toEqual(["sample:wav,aif"]);
    expect(tool.importFile("sample", "/kick.wav")).toBe(true);
    expect(tool.printed.at(-1)).toBe("import /kick.wav");
    expect(() => tool.importFile("sample", "/kick.mp3")).toThrow(/no file import hook/);
    tool.unload();
  });
});
