// The paste-able example of docs/property-testing.md, with the package imports pointed at src/.
import { describe, expect } from "vitest";
import { payloads, tcpStreams, type Notifier, type SocketClient } from "../../src/index.js";
import { fuzzTest } from "../../src/vitest-base.js";

/** The tool under test: executes "\n"-terminated commands, one buffer per peer. */
class CommandRemote implements Notifier {
  readonly executed: string[] = [];
  private readonly buffers = new Map<string, string>();

  socket_message(client: SocketClient, message: string): void {
    const key = `${client.peer_address}:${client.peer_port}`; // not the client object: it is fresh every time
    let buf = (this.buffers.get(key) ?? "") + message;
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      this.executed.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
    this.buffers.set(key, buf);
  }
}

describe("CommandRemote", () => {
  fuzzTest("executes every line, however the stream is cut", () => new CommandRemote(), {
    seed: 1,
    payload: payloads.lines(),
    invariants: [
      (run) => {
        const sent = tcpStreams(run.events).reduce((n, s) => n + (s.sent.match(/\n/g) ?? []).length, 0);
        expect(run.notifier.executed).toHaveLength(sent);
      },
    ],
  });
});
