import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cliInProcess } from "../support/cli-inproc.js";
import { tmp } from "../support/cli.js";

// Issue 18, item 4: a scenario file drives a real tool: it sets the tool's
// saved preferences and the double's semantics, invokes menu entries at
// virtual times, and runs peers on the tool's own host over loopback.
const TOOL = `
prefs = renoise.Document.create("GreeterPreferences") { port = 9000, greeting = "hi" }
renoise.tool().preferences = prefs
local server = renoise.Socket.create_server("localhost", prefs.port.value, renoise.Socket.PROTOCOL_UDP)
server:run {
  socket_message = function(socket, message)
    -- Replies through the socket it was given: only possible with semantics.udpDummyCanSend.
    socket:send(prefs.greeting.value .. ":" .. message)
  end,
}
renoise.tool():add_menu_entry {
  name = "Main Menu:Tools:Greeter:Announce",
  invoke = function() print("announcing on port " .. prefs.port.value) end,
}
`;

function world(scenario: object): { tool: string; file: string } {
  const dir = tmp();
  const tool = join(dir, "greeter");
  mkdirSync(tool);
  writeFileSync(join(tool, "main.lua"), TOOL);
  const file = join(dir, "scenario.json");
  writeFileSync(file, JSON.stringify(scenario));
  return { tool, file };
}

const scenario = {
  preferences: { port: 9100, greeting: "hey" },
  semantics: { udpDummyCanSend: true },
  invoke: [{ menu: "Main Menu:Tools:Greeter:Announce", at: 5 }],
  peers: [
    {
      host: "renoise",
      connect: "127.0.0.1:9100",
      protocol: "udp",
      at: 10,
      steps: [{ send: "x" }, { receive: "*all", timeout: 50, expect: "hey:x" }],
    },
  ],
};

it("preferences, semantics, a menu entry and a peer on the tool host over loopback", async () => {
  const { tool, file } = world(scenario);
  const r = await cliInProcess(["run", tool, "--scenario", file]);
  expect(r.stderr).toContain("✓ finished");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/scenario\.invoke .*Main Menu:Tools:Greeter:Announce/);
  expect(r.stdout).toContain("announcing on port 9100");
});

it("without the semantics choice the reply through the dummy socket fails the run", async () => {
  const { tool, file } = world({ ...scenario, semantics: undefined });
  const r = await cliInProcess(["run", tool, "--scenario", file, "--quiet"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("dummy");
});

it("a peer on its own host cannot reach the localhost-only tool", async () => {
  const { tool, file } = world({ ...scenario, peers: [{ ...scenario.peers[0], host: "phone", connect: "renoise:9100" }] });
  const r = await cliInProcess(["run", tool, "--scenario", file, "--quiet"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('expected "hey:x", got "<timeout>"');
});

it("an unknown menu entry fails the run with a message naming it", async () => {
  const { tool, file } = world({ ...scenario, invoke: [{ menu: "Main Menu:Tools:Greeter:Nope" }] });
  const r = await cliInProcess(["run", tool, "--scenario", file, "--quiet"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('menu entry "Main Menu:Tools:Greeter:Nope" failed');
});

it("a tool folder without main.lua gets a clear message and exit 2", async () => {
  const dir = join(tmp(), "no-main");
  mkdirSync(dir);
  const r = await cliInProcess(["run", dir]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("has no main.lua; a Renoise tool folder needs one");
});
