import { resolve } from "node:path";
import { expect, it } from "vitest";
import { createSimulation, runLuaScript } from "../../src/index.js";
import { addHttpbin, HTTPBIN_BODY } from "../support/lua-peers.js";

const SCRIPT = resolve(import.meta.dirname, "../../fixtures/lua-scripts/socket-selftest.lua");

it("runs the Lua socket self-test against a simulated httpbin.org and local servers", async () => {
  const sim = createSimulation({ seed: 5, latency: 20 });
  addHttpbin(sim);
  const tool = await runLuaScript(sim, SCRIPT);

  expect(tool.printed[0]).toBe(`GET /get answered ${HTTPBIN_BODY.length} bytes`);
  expect(tool.printed.filter((l) => l.startsWith("accepted 127.0.0.1:"))).toHaveLength(2);
  expect(tool.printed.filter((l) => /^port \d+ was told 'welcome'$/.test(l))).toHaveLength(2);
  expect(tool.printed.filter((l) => /^127\.0\.0\.1:\d+ says hello UDP server/.test(l))).toHaveLength(2);
  expect(tool.printed.at(-1)).toBe("socket self-test passed");

  // The unknown name failed through DNS; no packet left for it.
  const failed = sim.events.find((e) => e.kind === "client.create" && e.error !== undefined);
  expect(failed).toMatchObject({ to: "no-such-host.invalid:66" });
  // Every print is in the trace too.
  expect(sim.events.filter((e) => e.kind === "lua.print").map((e) => e.text)).toEqual(tool.printed);
  tool.unload();
});

it("fails with the script's assertion when httpbin.org does not exist", async () => {
  const sim = createSimulation({ seed: 5 });
  await expect(runLuaScript(sim, SCRIPT)).rejects.toMatchObject({
    name: "LuaError",
    luaMessage: expect.stringMatching(/^socket-selftest\.lua:\d+: host not found/i) as unknown,
  });
});
