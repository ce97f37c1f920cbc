import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, press, renderText, simulationPreferences, typeInto, within } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const PREFS = `<?xml version="1.0" encoding="UTF-8"?>
<PrefsServerPreferences doc_version="0">
  <allowed_clients>
    <Item>10.0.0.7</Item>
  </allowed_clients>
  <port>8100</port>
</PrefsServerPreferences>
`;

describe("fixture tool: server configured from preferences, started from its dialog", () => {
  it("press Start, talk to it, read the status label; reload and see the saved port", async () => {
    const sim = createSimulation({ seed: 3, latency: 2 });
    sim.addHost("phone", { address: "10.0.0.7" });
    sim.addHost("stranger", { address: "10.0.0.66" });
    simulationPreferences(sim).set("com.renoise-sim.fixtures.PrefsServer", PREFS);
    const tool = await loadLuaTool(sim, { dir: fixtureTool("prefs-server") });
    const dialog = tool.dialog("Prefs Server");
    const q = within(dialog);
    expect(q.getById("port").value).toBe("8100");
    expect(q.getById("status").text).toBe("stopped");

    press(q.getByText("Start"));
    expect(q.getById("status").text).toBe("listening on 8100");

    const heard: string[] = [];
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8100);
      for (const line of ["one\n", "two\n"]) {
        c!.send(line);
        const [got] = yield* peer.receive(c!, "*line", 500);
        heard.push(got!);
      }
      const [last] = yield* peer.receive(c!, "*line", 500);
      heard.push(last!);
    });
    sim.spawn("stranger", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8100);
      const [got] = yield* peer.receive(c!, "*line", 500);
      heard.push(`stranger: ${got}`);
    });
    sim.runUntilIdle();
    expect(heard).toContain("stranger: DENIED");
    expect(heard.filter((h) => !h.startsWith("stranger"))).toEqual(["HELLO", "one", "two"]);
    expect(q.getById("status").text).toMatch(/^(listening on 8100, 2 messages|refused 10\.0\.0\.66)$/);
    expect(renderText(dialog)).toContain("button #start [Restart]");

    typeInto(q.getById("port"), "8200");
    tool.unload();
    expect(simulationPreferences(sim).get("com.renoise-sim.fixtures.PrefsServer")).toContain("<port>8200</port>");

    const again = await loadLuaTool(sim, { dir: fixtureTool("prefs-server") });
    const q2 = within(again.dialog("Prefs Server"));
    expect(q2.getById("port").value).toBe("8200");
    press(q2.getByText("Start"));
    expect(q2.getById("status").text).toBe("listening on 8200");
    again.unload();
  });
});
