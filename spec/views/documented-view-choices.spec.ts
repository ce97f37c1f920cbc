import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, ViewBuilder, Dialogs } from "../../src/index.js";

describe("documented choices of the headless views (docs/tool-world.md)", () => {
  it("without a key handler, Esc closes a dialog; other keys do nothing", () => {
    const vb = new ViewBuilder();
    const dialogs = new Dialogs();
    const d = dialogs.show("Plain", vb.text({ text: "hi" }));
    d.pressKey("a");
    expect(d.visible).toBe(true);
    d.pressKey("esc");
    expect(d.visible).toBe(false);
    expect(dialogs.open).toEqual([]);
  });

  it("a key handler gets name and modifiers; a returned key is passed on", () => {
    const vb = new ViewBuilder();
    const seen: string[] = [];
    const d = new Dialogs().show("Keys", vb.text({}), (_dlg, key) => {
      seen.push(`${key.modifiers}|${key.name}`);
      return key;
    });
    d.pressKey("shift + a");
    expect(seen).toEqual(["shift|a"]);
    expect(d.passedKeys).toHaveLength(1);
  });

  it("sizes never set read as nil", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    expect(tool.vm.run("return renoise.ViewBuilder():button{}.width")).toEqual([undefined]);
    tool.unload();
  });

  it("load_from ignores elements the document does not have", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `doc = renoise.Document.create("P") { port = 1 }`,
        "p.xml": '<P doc_version="0"><extra><x>1</x></extra><port>5</port><other>z</other></P>',
      },
    });
    expect(tool.vm.run(`local ok = doc:load_from("p.xml") return ok, doc.port.value`)).toEqual([true, 5]);
    tool.unload();
  });
});
