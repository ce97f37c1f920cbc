import type { Benchmark } from "./report.js";

/**
 * Lua callback rate: socket_message deliveries into a Lua notifier per
 * second, and payload bytes per second through the bridge. Needs the Lua
 * tool host (a tool's renoise.Socket running inside the VM); src/lua is only
 * the VM so far.
 */
export const luaCallbacks: Benchmark = {
  name: "lua-callbacks",
  title: "7. Lua callback rate",
  // eslint-disable-next-line @typescript-eslint/require-await
  async run() {
    const why = "not yet available: the Lua tool host (renoise.Socket inside Lua) has not landed";
    return [
      { label: "socket_message deliveries into a Lua notifier", unavailable: why, goal: "≥ 500,000/s" },
      { label: "payload bytes through the bridge", unavailable: why },
    ];
  },
};
