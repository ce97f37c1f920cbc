import type { Simulation } from "../../src/index.js";

/**
 * Spawns a peer on the host "phone" (added by the caller) that connects to
 * the tool host's `port` and sends each of `messages`, 5 virtual ms apart;
 * `before(i)` runs right before message i is sent, `after(i)` once its
 * 5 ms have passed. Runs when the simulation does.
 */
export function phoneSends(
  sim: Simulation,
  port: number,
  messages: readonly string[],
  hooks: { before?: (i: number) => void; after?: (i: number) => void } = {},
): void {
  sim.spawn("phone", function* (peer) {
    const [c, err] = yield* peer.connect(sim.host.address, port);
    if (!c) throw new Error(`phoneSends: connect failed: ${String(err)}`);
    for (let i = 0; i < messages.length; i++) {
      hooks.before?.(i);
      c.send(messages[i]!);
      yield* peer.sleep(5);
      hooks.after?.(i);
    }
  });
}
