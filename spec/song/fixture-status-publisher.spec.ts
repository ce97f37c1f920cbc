import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, type Simulation } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const { from_binary_data } = createOscApi();

/** A display at display.local:9000 collecting what arrives, with its arrival time. */
function display(sim: Simulation): string[] {
  const seen: string[] = [];
  const host = sim.addHost("display.local");
  const [server] = host.Socket.create_server(9000, host.Socket.PROTOCOL_UDP);
  server!.run({
    socket_message(_client, data: string) {
      seen.push(`${sim.now} ${String(from_binary_data(data)[0])}`);
    },
  });
  return seen;
}

describe("fixture tool: status publisher sends the playback position every 100 ms while playing", () => {
  it("at 120 bpm and 4 lines per beat (125 ms a line) sends the exact lines Renoise would show", async () => {
    const sim = createSimulation({ seed: 1 });
    const seen = display(sim);
    const tool = await loadLuaTool(sim, { dir: fixtureTool("status-publisher") });
    sim.advance(250); // stopped: nothing is sent
    expect(seen).toEqual([]);

    sim.song.transport.start(1); // at 250 ms
    sim.advance(500);
    expect(seen).toEqual([
      "250 /status/playing ,T",
      "300 /status/position ,ii 1 1", // 50 ms in: line 1
      "400 /status/position ,ii 1 2", // 150 ms: line 2
      "500 /status/position ,ii 1 3", // 250 ms
      "600 /status/position ,ii 1 3", // 350 ms: still line 3 (until 375 ms)
      "700 /status/position ,ii 1 4", // 450 ms
    ]);
    sim.song.transport.stop();
    sim.advance(300);
    expect(seen.slice(6)).toEqual(["750 /status/playing ,F"]);
    tool.unload();
  });

  it("goes on to the next sequence slot and wraps to the song start after the last one", async () => {
    const sim = createSimulation({ seed: 1, song: { patterns: [4, 4], bpm: 150, lpb: 4 } });
    const seen = display(sim);
    const tool = await loadLuaTool(sim, { dir: fixtureTool("status-publisher") });
    sim.song.transport.start(1); // 100 ms a line, 8 lines in the song
    sim.advance(900);
    expect(seen.slice(1).map((s) => s.replace(/ \/status\/position ,ii/, ""))).toEqual([
      "100 1 2",
      "200 1 3",
      "300 1 4",
      "400 2 1",
      "500 2 2",
      "600 2 3",
      "700 2 4",
      "800 1 1",
      "900 1 2",
    ]);
    tool.unload();
  });
});
