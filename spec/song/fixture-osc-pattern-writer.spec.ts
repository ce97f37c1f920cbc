import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, type OscArgument, type Simulation } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const { Message, from_binary_data } = createOscApi();
type Cue = [atMs: number, address: string, args: OscArgument[]];
const i = (value: number): OscArgument => ({ tag: "i", value });

/** The phone sends each cue at its virtual time (ms after the start); returns the replies as text. */
function play(sim: Simulation, cues: Cue[]): string[] {
  const replies: string[] = [];
  sim.spawn("phone", function* (peer) {
    const [c] = peer.Socket.create_client(sim.host.address, 8030, peer.Socket.PROTOCOL_UDP);
    let now = 0;
    for (const [at, address, args] of cues) {
      yield* peer.sleep(at - now);
      now = at;
      c!.send(Message(address, args).binary_data);
      const [data] = yield* peer.receive(c!, "*all", 50);
      replies.push(data === undefined ? "(none)" : String(from_binary_data(data)[0]));
    }
  });
  sim.runUntilIdle();
  return replies;
}

async function setup(): Promise<Simulation> {
  // 120 BPM, 4 lines per beat: a line every 125 ms; 16-line patterns.
  const sim = createSimulation({ seed: 3, latency: 1, song: { patterns: [16, 16], bpm: 120, lpb: 4 } });
  sim.addHost("phone");
  await loadLuaTool(sim, { dir: fixtureTool("osc-pattern-writer") });
  return sim;
}

describe("fixture tool: OSC pattern writer records notes at the playback position", () => {
  it("notes land on the line that is playing when they arrive, in the pattern that is playing", async () => {
    const sim = await setup();
    sim.song.transport.start(1); // PLAYMODE_RESTART_PATTERN: pattern 1, line 1
    const replies = play(sim, [
      [10, "/note", [i(1), i(48), i(1), i(0x40)]], // line 1
      [260, "/note", [i(1), i(52), i(1)]], // 250-375 ms: line 3
      [270, "/note", [i(1), i(55), i(1)]], // same line: the next free column
      [510, "/off", [i(1)]], // line 5
      [2010, "/note", [i(1), i(60), i(2)]], // 2000 ms = 16 lines later: pattern 2, line 1
    ]);
    expect(replies).toEqual([
      "/ok ,ii 1 1",
      "/ok ,ii 1 3",
      "/ok ,ii 1 3",
      "/ok ,ii 1 5",
      "/ok ,ii 2 1",
    ]);
    expect(sim.song.pattern(1).track(1).toText({ to: 6 })).toMatchInlineSnapshot(`
      "C-4 01 40 ..  --- .. .. ..
      --- .. .. ..  --- .. .. ..
      E-4 01 .. ..  G-4 01 .. ..
      --- .. .. ..  --- .. .. ..
      OFF .. .. ..  --- .. .. ..
      --- .. .. ..  --- .. .. .."
    `);
    expect(sim.song.pattern(2).track(1).toText({ to: 1 })).toBe("C-5 02 .. ..");
  });

  it("each socket_message's writes are one song.lines trace event; the cells switch shows the lines", async () => {
    const sim = await setup();
    sim.tracePatternCells = true;
    sim.song.transport.start(1);
    play(sim, [[130, "/fx", [i(2), { tag: "s", value: "0A" }, i(0x37)]]]);
    const lines = sim.events.filter((e) => e.kind === "song.lines");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.changes).toBe("pattern 1 track 2 lines 2");
    expect(lines[0]!.cells).toBe("1/2/2: --- .. .. ..  0A37");
    expect(String(lines[0]!.cause)).toMatch(/^socket_message#\d+$/);
  });

  it("bad input is answered with an error and writes nothing", async () => {
    const sim = await setup();
    sim.song.transport.start(1);
    const [reply] = play(sim, [[10, "/note", [i(1), i(130), i(1)]]]);
    expect(reply).toMatch(/^\/error ,s ".*note_value.*out of range/);
    expect(sim.song.pattern(1).is_empty).toBe(true);
  });
});
