import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type SocketClient } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const CONNECT = "Main Menu:Tools:Idle Client:Connect";
const DISCONNECT = "Main Menu:Tools:Idle Client:Disconnect";

/** A line server in TypeScript on host "lines": HELLO, PING, ADD; `kick()` hangs up on everyone. */
function lineServer(sim: ReturnType<typeof createSimulation>) {
  const host = sim.addHost("lines");
  const [server] = host.Socket.create_server(7000);
  const heard: string[] = [];
  const open: SocketClient[] = [];
  server!.run({
    socket_accepted: (c) => void open.push(c),
    socket_message(c, data) {
      for (const line of data.split("\n").filter(Boolean)) {
        heard.push(line);
        if (line.startsWith("HELLO ")) c.send(`HI ${line.slice(6)}\n`);
        else if (line === "PING") c.send("PONG\n");
        else if (line.startsWith("ADD ")) c.send(`${line.slice(4).split(" ").map(Number).reduce((a, b) => a + b)}\n`);
      }
    },
  });
  return { heard, kick: () => open.splice(0).forEach((c) => c.close()) };
}

describe("fixture tool: client polling with receive('*l', 0) from the idle notifier", () => {
  it("connects from its menu entry using the preferences, reads lines at idle ticks, pings on a timer", async () => {
    const sim = createSimulation({ seed: 3, latency: 10 });
    const server = lineServer(sim);
    const tool = await loadLuaTool(sim, { dir: fixtureTool("idle-client"), preferences: { host: "lines", name: "sim" } });
    expect(tool.menuEntries).toEqual([CONNECT, DISCONNECT]);
    expect(tool.readPreferences()).toEqual({ host: "lines", name: "sim", ping_interval: 1000, port: 7000 });

    tool.invokeMenu(CONNECT);
    expect(sim.now).toBe(20); // the TCP handshake blocked the GUI thread for one round trip
    tool.invokeKeybinding("Global:Tools:Idle Client Add");
    sim.advance(2100);

    expect(server.heard).toEqual(["HELLO sim", "ADD 20 22", "PING", "PING"]);
    expect(tool.vm.run("return table.concat(received, '|')")).toEqual(["HI sim|42|PONG|PONG"]);
    // Lines are picked up at idle ticks (every 100 ms after the notifier was added at 20 ms).
    const reads = sim.events.filter((e) => e.kind === "client.receive" && e.bytes !== undefined);
    expect(reads.map((e) => e.t)).toEqual([120, 120, 1120, 2120]);
    expect(tool.messages.filter((m) => m.kind === "status").map((m) => m.text)).toEqual([
      "Idle Client: HI sim",
      "Idle Client: 42",
      "Idle Client: PONG",
      "Idle Client: PONG",
    ]);
    tool.unload(); // disconnects from tool_will_unload_observable
    sim.advance(100);
    expect(server.heard.at(-1)).toBe("BYE");
  });

  it("asks whether to reconnect when the server hangs up, and follows the scripted answer", async () => {
    const sim = createSimulation({ seed: 3, latency: 10 });
    const server = lineServer(sim);
    const answers: string[][] = [];
    const tool = await loadLuaTool(sim, {
      dir: fixtureTool("idle-client"),
      preferences: { host: "lines" },
      prompts: [
        (message, buttons) => {
          answers.push([message, ...buttons]);
          return "Reconnect";
        },
      ],
    });
    tool.invokeMenu(CONNECT);
    sim.advance(500);
    server.kick();
    sim.advance(500);
    expect(answers).toEqual([["The connection was lost (disconnected). Reconnect?", "Reconnect", "Cancel"]]);
    expect(server.heard.filter((l) => l.startsWith("HELLO"))).toEqual(["HELLO renoise", "HELLO renoise"]);
    const prompt = sim.events.find((e) => e.kind === "app.prompt");
    expect(prompt).toMatchObject({ title: "Idle Client", buttons: "Reconnect|Cancel", answer: "Reconnect", scripted: true });

    // Without a scripted answer the first button is chosen, too.
    server.kick();
    sim.advance(500);
    expect(server.heard.filter((l) => l.startsWith("HELLO"))).toHaveLength(3);
    tool.unload();
  });

  it("warns when the server cannot be reached, after the connect timeout of virtual time", async () => {
    const sim = createSimulation({ seed: 3 });
    sim.addHost("lines");
    sim.faults.blackhole("lines");
    const tool = await loadLuaTool(sim, { dir: fixtureTool("idle-client"), preferences: { host: "lines" } });
    tool.invokeMenu(CONNECT);
    expect(sim.now).toBe(1000);
    expect(tool.messages).toEqual([
      { kind: "warning", text: expect.stringMatching(/^Idle Client: cannot connect to lines:7000: /) as unknown },
    ]);
    // The Disconnect entry is inactive while not connected.
    tool.invokeMenu(DISCONNECT);
    expect(sim.events.at(-1)).toMatchObject({ kind: "tool.menu.invoke", name: DISCONNECT, result: "inactive" });
    tool.unload();
  });
});
