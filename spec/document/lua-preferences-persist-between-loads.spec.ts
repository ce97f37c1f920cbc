import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, simulationPreferences } from "../../src/index.js";

const TOOL = `
local prefs = renoise.Document.create("Prefs") { port = 8000, allowed = { "127.0.0.1" } }
renoise.tool().preferences = prefs
function set(port, ip) prefs.port.value = port; prefs.allowed:insert(ip) end
function show() return prefs.port.value, #prefs.allowed, prefs.allowed[#prefs.allowed].value end
`;
const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<RenoiseScriptingTool doc_version="0"><ApiVersion>6</ApiVersion><Id>org.example.prefs</Id><Name>Prefs</Name></RenoiseScriptingTool>`;

describe("tool preferences persist between loads of the same tool in one simulation", () => {
  it("what a tool changed is saved when it unloads and loaded when it assigns its preferences again", async () => {
    const sim = createSimulation({ seed: 1 });
    const files = { "main.lua": TOOL, "manifest.xml": MANIFEST };
    const first = await loadLuaTool(sim, { files });
    expect(first.vm.call("show")).toEqual([8000, 1, "127.0.0.1"]);
    first.vm.call("set", 9001, "10.0.0.7");
    first.unload();
    const saved = simulationPreferences(sim).get("org.example.prefs");
    expect(saved).toContain("<port>9001</port>");
    const second = await loadLuaTool(sim, { files });
    expect(second.vm.call("show")).toEqual([9001, 2, "10.0.0.7"]);
    expect(sim.formatTrace()).toContain("tool.preferences.save");
    second.unload();
  });

  it("a test seeds the preferences file and reads it back", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": TOOL, "manifest.xml": MANIFEST },
      preferencesXml: '<Prefs doc_version="0"><port>7000</port><allowed><Item>192.168.1.5</Item></allowed></Prefs>',
    });
    expect(tool.vm.call("show")).toEqual([7000, 1, "192.168.1.5"]);
    expect(tool.preferencesXml()).toContain("<Item>192.168.1.5</Item>");
    tool.unload();
  });
});
