import { describe, expect, it } from "vitest";
import { createSimulation, enter, loadLuaTool, simulationPreferences, toggle, within } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const MENU = "Main Menu:Tools:Bind Prefs:Settings...";

describe("bind: a preference bound to a valuebox, set through the dialog, survives a reload", () => {
  it("enter a port and tick autostart from TypeScript, unload, load again: the tool and its dialog show them", async () => {
    const sim = createSimulation({ seed: 1 });
    const first = await loadLuaTool(sim, { dir: fixtureTool("bind-prefs-dialog") });
    first.invokeMenu(MENU);
    const q = within(first.dialog("Bind Prefs"));
    expect(q.getById("port").value).toBe(8000);
    enter(q.getById("port"), "9100");
    toggle(q.getById("autostart"));
    expect(first.readPreferences()).toMatchObject({ listen_port: 9100, start_on_load: true });
    expect(first.preferencesXml()).toContain("<listen_port>9100</listen_port>");
    first.unload();
    expect(simulationPreferences(sim).get("com.renoise-sim.fixtures.BindPrefsDialog")).toContain("<listen_port>9100</listen_port>");

    const second = await loadLuaTool(sim, { dir: fixtureTool("bind-prefs-dialog") });
    expect(second.readPreferences()).toMatchObject({ listen_port: 9100, start_on_load: true });
    second.invokeMenu(MENU);
    const again = within(second.dialog("Bind Prefs"));
    expect(again.getById("port").value).toBe(9100);
    expect(again.getById("autostart").value).toBe(true);
    second.unload();
  });

  it("preferences a test gives at load (options.preferences) show in the dialog", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      dir: fixtureTool("bind-prefs-dialog"),
      preferences: { listen_port: 7000, peer_name: "studio" },
    });
    tool.invokeMenu(MENU);
    const q = within(tool.dialog("Bind Prefs"));
    expect([q.getById("port").value, q.getById("peer").value]).toEqual([7000, "studio"]);
    tool.unload();
  });
});
