import { expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const ALL = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join("");

it("carries all 256 byte values from a TS peer into Lua and back, over TCP and UDP", async () => {
  const sim = createSimulation({ seed: 2, latency: 5 });
  sim.addHost("peer");
  const tool = await loadLuaTool(sim, { dir: fixtureTool("byte-echo") });
  const replies: { proto: string; data: string | undefined }[] = [];

  sim.spawn("peer", function* (peer) {
    const [tcp] = yield* peer.connect(sim.host.address, 9000);
    for (const payload of [ALL, "ALL?"]) {
      tcp!.send(payload);
      const [data] = yield* peer.receive(tcp!, 256, 500);
      replies.push({ proto: "tcp", data });
    }
    const [udp] = peer.Socket.create_client(sim.host.address, 9001, peer.Socket.PROTOCOL_UDP);
    for (const payload of [ALL, "ALL?"]) {
      udp!.send(payload);
      const [data] = yield* peer.receive(udp!, "*all", 500);
      replies.push({ proto: "udp", data });
    }
  });
  sim.runUntilIdle();

  // TS -> Lua: Lua saw exactly the 256 values in order (length and each byte checked in Lua).
  expect(tool.vm.call("describe", ALL)).toEqual([256, true]);
  expect(tool.vm.run("return received[1] == received[3], #received[1], #received")).toEqual([true, 256, 4]);
  expect(tool.vm.run("return describe(received[1])")).toEqual([256, true]);
  // Lua -> TS: the echo, and the string Lua built itself with string.char(0..255).
  expect(replies).toEqual([
    { proto: "tcp", data: ALL },
    { proto: "tcp", data: ALL },
    { proto: "udp", data: ALL },
    { proto: "udp", data: ALL },
  ]);
  tool.unload();
});
