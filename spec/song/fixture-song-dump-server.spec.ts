import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type Simulation } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

/** Sends one request line from host "desk" and returns the answer line. */
function ask(sim: Simulation, request: string): string {
  let answer = "(none)";
  sim.spawn("desk", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8040);
    c!.send(request + "\n");
    const [line] = yield* peer.receive(c!, "*line", 1000);
    answer = line ?? "(none)";
    c!.close();
  });
  sim.runUntilIdle();
  return answer;
}

describe("fixture tool: a TCP JSON song-dump server answers with the fixture song", () => {
  it("the dump matches the song the simulation was built from", async () => {
    const sim = createSimulation({
      seed: 4,
      latency: 3,
      song: { name: "Dump Me", bpm: 128, tracks: ["Kick", "Bass"], patterns: [16, 32], sequence: [1, 2, 1], instruments: ["808", "Sub"] },
    });
    sim.song.pattern(1).track(1).fromText("C-4 01 40 ..\n--- .. .. ..\nC-4 01 .. ..");
    sim.song.pattern(2).track(2).fromText("E-2 02 .. ..  G-2 02 20 ..", { start: 5 });
    sim.addHost("desk");
    await loadLuaTool(sim, { dir: fixtureTool("song-dump-server") });

    const dump = JSON.parse(ask(sim, "dump")) as Record<string, unknown>;
    expect(dump).toEqual({
      name: "Dump Me",
      bpm: 128,
      lpb: 4,
      tracks: ["Kick", "Bass", "Master"],
      instruments: ["808", "Sub"],
      sequence: [1, 2, 1],
      patterns: [
        {
          name: "",
          lines: 16,
          notes: [
            { track: 1, line: 1, column: 1, note: "C-4", instrument: 1, volume: "40" },
            { track: 1, line: 3, column: 1, note: "C-4", instrument: 1, volume: ".." },
          ],
        },
        {
          name: "",
          lines: 32,
          notes: [
            { track: 2, line: 5, column: 1, note: "E-2", instrument: 2, volume: ".." },
            { track: 2, line: 5, column: 2, note: "G-2", instrument: 2, volume: "20" },
          ],
        },
      ],
    });
  });

  it("an unknown request gets a JSON error", async () => {
    const sim = createSimulation({ seed: 4 });
    sim.addHost("desk");
    await loadLuaTool(sim, { dir: fixtureTool("song-dump-server") });
    expect(JSON.parse(ask(sim, "hello"))).toEqual({ error: "unknown request: hello" });
  });
});
