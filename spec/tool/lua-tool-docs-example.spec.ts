// The quick-start example of docs/lua-tools.md, kept runnable.
import { expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

it("answers ADD over TCP, even when the line arrives byte by byte", async () => {
  const sim = createSimulation({ seed: 1, latency: 5 });
  sim.addHost("phone");
  const tool = await loadLuaTool(sim, { dir: fixtureTool("line-server") });

  // Cut the first send of connection 1 after every byte.
  sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [1, 2, 3, 4, 5, 6, 7, 8] }] });
  const replies: (string | undefined)[] = [];
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 7000);
    c!.send("ADD 40 2\n");
    for (let i = 0; i < 2; i++) replies.push((yield* peer.receive(c!, "*line", 500))[0]);
  });
  sim.runUntilIdle();

  expect(replies).toEqual(["READY", "42"]);
  expect(tool.vm.run("return table.concat(executed, '|')")).toEqual(["ADD 40 2"]);
  tool.unload();
});
