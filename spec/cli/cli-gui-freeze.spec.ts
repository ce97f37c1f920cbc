import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, tmp } from "../support/cli.js";

// run and fuzz print how long the tool froze Renoise's GUI thread (total and the longest
// block, with its Lua line); --max-gui-block fails a run or scenario that blocks longer.
function blockingTool(): { dir: string; tool: string; scenario: string } {
  const dir = tmp();
  const tool = join(dir, "blocking-tool");
  mkdirSync(tool);
  writeFileSync(
    join(tool, "main.lua"),
    [
      "local server = renoise.Socket.create_server(8080)",
      "server:run({ socket_message = function(client, message)",
      "  local probe = renoise.Socket.create_client('127.0.0.1', 8081, renoise.Socket.PROTOCOL_UDP)",
      "  probe:receive('*line', 250)",
      "  probe:close()",
      "  if client.is_open then client:send('ok\\n') end",
      "end })",
      "",
    ].join("\n"),
  );
  const scenario = join(dir, "s.json");
  writeFileSync(scenario, JSON.stringify({ peers: [{ host: "phone", connect: "renoise:8080", steps: [{ send: "hi\n" }] }] }));
  return { dir, tool, scenario };
}

it("run prints the GUI freeze and fails over --max-gui-block", async () => {
  const { tool, scenario } = blockingTool();
  const r = await cli(["run", tool, "--scenario", scenario, "--quiet"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain("GUI freeze: 250 ms in total over 1 blocking call; longest 250 ms in SocketClient:receive at main.lua:4");
  const over = await cli(["run", tool, "--scenario", scenario, "--quiet", "--max-gui-block", "100"]);
  expect(over.code).toBe(1);
  expect(over.stderr).toContain("blocked the GUI thread of \"renoise\" for 250 ms, over the budget of 100 ms");
});

it("fuzz prints the longest GUI freeze and fails a scenario over --max-gui-block", async () => {
  const { tool } = blockingTool();
  const ok = await cli(["fuzz", tool, "--port", "8080", "--runs", "10", "--grammar", "lines"]);
  expect(ok.code).toBe(0);
  expect(ok.stderr).toMatch(/GUI freeze: longest single block 250 ms in SocketClient:receive at main.lua:4; at most \d+ ms blocked in one run \(10 runs\)/);
  const over = await cli(["fuzz", tool, "--port", "8080", "--runs", "10", "--grammar", "lines", "--max-gui-block", "100"]);
  expect(over.code).toBe(1);
  expect(over.stdout).toContain("over the budget of 100 ms");
  const token = /renoise-sim replay (rs1\.\S+)/.exec(over.stdout)![1]!;
  const again = await cli(["replay", token]);
  expect(again.code).toBe(1);
  expect(again.stdout).toContain("over the budget of 100 ms");
});
