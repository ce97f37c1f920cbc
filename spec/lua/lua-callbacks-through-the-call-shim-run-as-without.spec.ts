import { describe, expect, it } from "vitest";
import { createSimulation, formatTrace, loadLuaTool } from "../../src/index.js";
import { callShimFor, SHIM_NOT_CACHED, type CallShim } from "../../src/lua/call-shim.js";
import { REGISTRY, type LuaC } from "../../src/lua/wasm.js";
import { AcceptedSocket } from "../../src/renoise/socket/server-sockets.js";
import { spyOnPushes } from "../support/call-shim-spy.js";
import { phoneSends } from "../support/phone-sends.js";

// A socket_message into a plain Lua table makes its C API calls from a small
// wasm module (src/lua/call-shim.ts) instead of from JavaScript. It must do
// exactly what the calls from JavaScript did: the tool sees the same
// sockets, bytes and errors, and the trace is the same, with fresh
// (Renoise's) and stable connection wrappers. An object whose userdata the
// cache no longer holds is pushed the other way, as before.
const TOOL = `
kept, keys, nkeys, lines = nil, {}, 0, {}
server = renoise.Socket.create_server(5000)
server:run {
  socket_message = function(socket, message)
    if message == "boom" then error("boom in the tool") end
    if not keys[socket] then keys[socket] = true nkeys = nkeys + 1 end
    kept = kept or socket
    lines[#lines + 1] = #message .. ":" .. message .. " " .. tostring(socket == kept) .. " " .. type(socket)
    socket:send("ok " .. message .. "\\n")
  end,
}
`;

/** The bridge fields this spec reads and replaces (private: a test's reach, not API). */
interface BridgeInside {
  shim: CallShim | undefined;
  readonly c: LuaC;
  readonly current: number;
  readonly objCacheKey: bigint;
  readonly slots: ({ readonly obj: object; readonly id: number } | undefined)[];
  readonly liveObjectCount: number;
}

const MESSAGES = ["hello", "boom", "\u0000\u00ff bytes", "x".repeat(300), "bye"];

async function run(shim: boolean, connectionWrappers: "fresh" | "stable", dropFromCacheAfter?: number) {
  const sim = createSimulation({ seed: 7, semantics: { connectionWrappers, onCallbackError: "record" } });
  sim.addHost("phone");
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const bridge = (tool.vm as unknown as { bridge: BridgeInside }).bridge;
  expect(bridge.shim).toBeDefined(); // the pinned module gets one
  const statuses: number[] = [];
  bridge.shim = shim ? spyOnPushes(bridge.shim!, (s) => statuses.push(s)) : undefined;
  let liveBefore = 0;
  let liveAfter = 0;
  phoneSends(sim, 5000, MESSAGES, {
    before: (i) => {
      if (i !== dropFromCacheAfter) return;
      // The connection's userdata gone from the object cache (as when Lua has collected it and its __gc has
      // not run yet): the next delivery must push a new one.
      const { c: api, current: L } = bridge;
      liveBefore = bridge.liveObjectCount;
      api._lua_rawgeti(L, REGISTRY, bridge.objCacheKey);
      for (const entry of bridge.slots) {
        if (entry?.obj instanceof AcceptedSocket) {
          api._lua_pushnil(L);
          api._lua_rawseti(L, -2, BigInt(entry.id));
        }
      }
      api._lua_settop(L, -2);
    },
    after: (i) => {
      if (i === dropFromCacheAfter) liveAfter = bridge.liveObjectCount;
    },
  });
  sim.runUntilIdle();
  const lua = tool.vm.run("return nkeys, table.concat(lines, '|')");
  const trace = formatTrace(sim.trace.events);
  tool.unload();
  sim.dispose();
  return { lua, trace, statuses, newUserdata: liveAfter - liveBefore };
}

describe("socket_message through the call shim", () => {
  it("is made for the pinned Lua module, once per module instance", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": "x = 1" } });
    const c = (tool.vm as unknown as { bridge: BridgeInside }).bridge.c;
    expect(callShimFor(c)).toBeDefined();
    expect(callShimFor(c)).toBe(callShimFor(c));
    tool.unload();
    sim.dispose();
  });

  for (const wrappers of ["fresh", "stable"] as const) {
    it(`runs and traces as the calls from JavaScript did (${wrappers} wrappers)`, async () => {
      const via = await run(true, wrappers);
      const without = await run(false, wrappers);
      // (The first message makes the connection's userdata, the other way; the others go through the shim.)
      expect(via.statuses).toHaveLength(MESSAGES.length - 1);
      expect(via.statuses.every((s) => s === 0)).toBe(true); // all pushed (the Lua error is the protected call's)
      expect(without.statuses).toEqual([]);
      expect(via.lua).toEqual(without.lua);
      expect(via.lua[0]).toBe(wrappers === "fresh" ? 4 : 1);
      expect(via.lua[1]).toContain("8:\u0000\u00ff bytes true SocketClient");
      expect(via.trace).toContain("boom in the tool");
      expect(via.trace).toBe(without.trace);
    });

    it(`pushes an object no longer in the cache the other way (${wrappers} wrappers)`, async () => {
      const via = await run(true, wrappers, 2);
      const without = await run(false, wrappers, 2);
      expect(via.statuses).toContain(SHIM_NOT_CACHED);
      expect(via.newUserdata).toBe(1);
      expect(without.newUserdata).toBe(1);
      expect(via.lua).toEqual(without.lua);
      expect(via.lua[1]).toContain("bye true SocketClient");
      expect(via.trace).toBe(without.trace);
    });
  }
});
