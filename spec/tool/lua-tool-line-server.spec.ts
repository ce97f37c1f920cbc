import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type Peer, type SocketClient, type Wait } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

/** Reads `count` lines (or until 500 ms pass without one). */
function* readLines(peer: Peer, c: SocketClient, count: number): Generator<Wait, string[], void> {
  const lines: string[] = [];
  while (lines.length < count) {
    const [line] = yield* peer.receive(c, "*line", 500);
    if (line === undefined) break;
    lines.push(line);
  }
  return lines;
}

const SCRIPT = "HELLO phone\nADD 40 2\r\nECHO  spaced  out \nFROB\n";
const ANSWERS = ["READY", "HI phone", "42", "spaced  out ", "ERR unknown command FROB"];

async function setup() {
  const sim = createSimulation({ seed: 11, latency: 4 });
  sim.addHost("phone");
  const tool = await loadLuaTool(sim, { dir: fixtureTool("line-server") });
  const executed = () => tool.vm.run("return table.concat(executed, '|')")[0];
  const sessions = () => tool.vm.run("return table.count(sessions)")[0];
  return { sim, tool, executed, sessions };
}

describe("fixture tool: TCP line-protocol server", () => {
  it("executes whole lines and answers each", async () => {
    const { sim, tool, executed } = await setup();
    let answers: string[] = [];
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 7000);
      c!.send(SCRIPT);
      answers = yield* readLines(peer, c!, ANSWERS.length);
    });
    sim.runUntilIdle();
    expect(answers).toEqual(ANSWERS);
    expect(executed()).toBe("HELLO phone|ADD 40 2|ECHO  spaced  out |FROB");
    tool.unload();
  });

  it("buffers lines cut into pieces at every byte", async () => {
    const { sim, tool, executed } = await setup();
    const cuts = Array.from({ length: SCRIPT.length - 1 }, (_, i) => i + 1);
    sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: cuts }] });
    let answers: string[] = [];
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 7000);
      c!.send(SCRIPT);
      answers = yield* readLines(peer, c!, ANSWERS.length);
    });
    sim.runUntilIdle();
    const messages = sim.events.filter((e) => e.kind === "callback" && e.callback === "socket_message");
    expect(messages).toHaveLength(SCRIPT.length);
    expect(answers).toEqual(ANSWERS);
    expect(executed()).toBe("HELLO phone|ADD 40 2|ECHO  spaced  out |FROB");
    tool.unload();
  });

  it("executes every line of sends merged into one socket_message, in order", async () => {
    const { sim, tool, executed } = await setup();
    sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }, { conn: 1, send: 2 }] });
    let answers: string[] = [];
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 7000);
      c!.send("HELLO a\nADD 1");
      c!.send(" 2\nECHO x");
      c!.send("\n");
      answers = yield* readLines(peer, c!, 4);
    });
    sim.runUntilIdle();
    const messages = sim.events.filter((e) => e.kind === "callback" && e.callback === "socket_message");
    expect(messages.map((e) => e.data)).toEqual(["HELLO a\\nADD 1 2\\nECHO x\\n"]);
    expect(answers).toEqual(["READY", "HI a", "3", "x"]);
    expect(executed()).toBe("HELLO a|ADD 1 2|ECHO x");
    tool.unload();
  });

  it("hangs up on BYE and forgets sessions of gone peers from the idle notifier", async () => {
    const { sim, tool, sessions } = await setup();
    let afterBye: string[] = [];
    sim.spawn("phone", function* (peer) {
      const [a] = yield* peer.connect(sim.host.address, 7000);
      const [b] = yield* peer.connect(sim.host.address, 7000);
      a!.send("BYE\n");
      afterBye = yield* readLines(peer, a!, 3);
      b!.close(); // no callback tells the tool (R24)
    });
    sim.advance(50);
    expect(afterBye).toEqual(["READY", "BYE"]); // then "disconnected"
    expect(sessions()).toBe(2);
    sim.advance(1000); // the idle notifier runs every 100 ms
    expect(sessions()).toBe(0);
    tool.unload();
  });
});
