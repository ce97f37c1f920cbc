import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

const TOOL = `
local app = renoise.app()
app:show_status("ready")
app:show_message("Hello")
app:show_warning("Careful: ä")
app:show_error("Broken")
print("done", 10 / 2)
choices = {
  app:show_prompt("Save", "Save the file?", { "Save", "Discard", "Cancel" }),
  app:show_prompt("Save", "Really?", { "Yes", "No" }),
  app:show_prompt("Info", "Just so you know"),
}
`;

describe("renoise.app() messages and prompts", () => {
  it("records every message and print in tool.messages / tool.printed and in the trace", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(tool.messages).toEqual([
      { kind: "status", text: "ready" },
      { kind: "message", text: "Hello" },
      { kind: "warning", text: "Careful: ä" },
      { kind: "error", text: "Broken" },
      { kind: "prompt", text: "Save the file?" },
      { kind: "prompt", text: "Really?" },
      { kind: "prompt", text: "Just so you know" },
    ]);
    expect(tool.printed).toEqual(["done\t5"]);
    const kinds = sim.events.filter((e) => e.kind.startsWith("app.") || e.kind === "lua.print").map((e) => e.kind);
    expect(kinds).toEqual(["app.status", "app.message", "app.warning", "app.error", "lua.print", "app.prompt", "app.prompt", "app.prompt"]);
    expect(sim.events.find((e) => e.kind === "app.warning")).toMatchObject({ text: "Careful: ä" });
    tool.unload();
  });

  it("answers prompts from options.prompts in order, then with the first button", async () => {
    const sim = createSimulation({ seed: 1 });
    const seen: string[] = [];
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": TOOL },
      prompts: [
        "Discard",
        (message, buttons) => {
          seen.push(`${message} ${buttons.join("/")}`);
          return buttons[1]!;
        },
      ],
    });
    expect(tool.vm.run("return choices[1], choices[2], choices[3]")).toEqual(["Discard", "No", "OK"]);
    expect(seen).toEqual(["Really? Yes/No"]);
    const prompts = sim.events.filter((e) => e.kind === "app.prompt");
    expect(prompts.map((e) => [e.title, e.buttons, e.answer, e.scripted])).toEqual([
      ["Save", "Save|Discard|Cancel", "Discard", true],
      ["Save", "Yes|No", "No", true],
      ["Info", "OK", "OK", false],
    ]);
    tool.unload();
  });
});
