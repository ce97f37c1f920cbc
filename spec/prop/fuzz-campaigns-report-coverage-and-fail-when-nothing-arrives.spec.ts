import { expect, it } from "vitest";
import { fuzzLuaToolDetails, fuzzNotifierDetails, FuzzNothingDeliveredError } from "../../src/index.js";
import { fuzzToolDetails } from "../../src/prop/fuzz/fuzz-tool.js";

// Hardening (issue 12, item 1): every campaign reports its coverage, and one
// in which no byte reached a notifier callback fails instead of passing green.
const SEED = 77;

it("fuzzNotifier reports scenarios reached, callbacks by kind, bytes delivered and faults that fired", () => {
  const lines: string[] = [];
  let bytes = 0;
  const d = fuzzNotifierDetails(
    () => ({ socket_message: (_c: unknown, m: string) => void (bytes += m.length) }),
    { seed: SEED, runs: 30, faults: ["split", "merge", "reset"], log: (l) => lines.push(l) },
  );
  expect(d.ok).toBe(true);
  const c = d.coverage;
  expect(c.scenarios).toBe(30);
  expect(c.reached).toBeGreaterThan(0);
  expect(c.reached).toBeLessThanOrEqual(30);
  expect(c.callbacks.socket_accepted).toBeGreaterThan(0);
  expect(c.callbacks.socket_message).toBeGreaterThan(0);
  // The tally counts what the notifier itself was given.
  expect(c.bytes).toBe(bytes);
  expect(c.faults.split ?? 0).toBeGreaterThan(0);
  expect(lines[0]).toMatch(/fuzzNotifier: 30 scenarios passed \(seed 77\); \d+\/30 scenarios reached a callback; callbacks: socket_accepted \d+, socket_message \d+; \d+ bytes delivered; faults fired: /);
});

it("fuzzNotifier: a campaign whose peers never send fails with FuzzNothingDeliveredError", () => {
  let err: unknown;
  try {
    fuzzNotifierDetails(() => ({}), { seed: SEED, runs: 10, maxSends: 0, log: false });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(FuzzNothingDeliveredError);
  expect(String(err)).toMatch(/the campaign delivered nothing: in 10 scenarios no byte reached a notifier callback/);
  expect(String(err)).toContain("The tool listens on: tcp 0.0.0.0:8000");
  expect((err as FuzzNothingDeliveredError).coverage.bytes).toBe(0);
  // Said on purpose, it passes.
  expect(fuzzNotifierDetails(() => ({}), { seed: SEED, runs: 10, maxSends: 0, log: false, requireDelivery: false }).ok).toBe(true);
});

// A tool that serves UDP on localhost only, started asynchronously like a Lua tool.
const localhostTool = (port: number) => (ctx: { sim: { renoise: { Socket: { create_server: (a: string, p: number, proto: 2) => unknown } } } }) => {
  const [server] = ctx.sim.renoise.Socket.create_server("localhost", port, 2) as [{ run: (n: object) => void; close: () => void }];
  server.run({ socket_message: () => undefined });
  return Promise.resolve({ dispose: () => server.close() });
};

it("fuzzToolDetails: peers on their own hosts cannot reach a localhost server; peersOn tool-host can", async () => {
  await expect(fuzzToolDetails(localhostTool(9100), { seed: SEED, runs: 8, port: 9100, protocols: ["udp"] })).rejects.toThrow(
    /The tool listens on: udp 127\.0\.0\.1:9100\.\n {2}The peers ran on their own hosts \(peer1, peer2, \.\.\.\) and sent to 192\.168\.1\.10:9100 \(udp\)/,
  );
  const d = await fuzzToolDetails(localhostTool(9100), { seed: SEED, runs: 8, port: 9100, protocols: ["udp"], peersOn: "tool-host" });
  expect(d.ok).toBe(true);
  expect(d.coverage.bytes).toBeGreaterThan(0);
  expect(d.coverage.callbacks.socket_message).toBeGreaterThan(0);
});

it("fuzzToolDetails warns when few scenarios reach a callback", async () => {
  // Serves only in one scenario of four (by the scenario's seed).
  const sometimes = (ctx: { sim: { seed: number; renoise: { Socket: { create_server: (p: number) => unknown } } } }) => {
    if (ctx.sim.seed % 4 !== 0) return Promise.resolve({});
    const [server] = ctx.sim.renoise.Socket.create_server(8000) as [{ run: (n: object) => void; close: () => void }];
    server.run({});
    return Promise.resolve({ dispose: () => server.close() });
  };
  const d = await fuzzToolDetails(sometimes, { seed: SEED, runs: 40 });
  expect(d.ok).toBe(true);
  expect(d.coverage.reached).toBeLessThan(20);
  expect(d.warnings).toEqual([expect.stringMatching(/^fuzzTool: warning: low coverage, only \d+ of 40 scenarios reached a notifier callback/)]);
});

it("fuzzLuaTool: the localhost-only fixture fails on peer hosts and passes over loopback, logging its coverage", async () => {
  const tool = { dir: "fixtures/tools/localhost-udp" };
  await expect(fuzzLuaToolDetails(tool, { seed: SEED, runs: 5, port: 8020, protocols: ["udp"], log: false })).rejects.toBeInstanceOf(
    FuzzNothingDeliveredError,
  );
  const lines: string[] = [];
  const d = await fuzzLuaToolDetails(tool, { seed: SEED, runs: 5, port: 8020, protocols: ["udp"], peersOn: "tool-host", log: (l) => lines.push(l) });
  expect(d.ok).toBe(true);
  expect(lines[0]).toMatch(/^fuzzLuaTool: 5 scenarios passed \(seed 77\); \d\/5 scenarios reached a callback; callbacks: socket_message \d+; [1-9]\d* bytes delivered/);
});
