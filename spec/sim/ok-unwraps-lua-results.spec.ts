import { expect, it } from "vitest";
import { createSimulation, ok, SimulationUsageError } from "../../src/index.js";

// ok() returns the value of a Lua-style [value, error] result, or throws the error string.
it("unwraps a result or throws its error string", () => {
  const sim = createSimulation({ seed: 1 });
  const server = ok(sim.renoise.Socket.create_server(8000));
  expect(server.is_open).toBe(true);
  expect(() => ok(sim.renoise.Socket.create_server(8000))).toThrow(SimulationUsageError);
  expect(() => ok(sim.renoise.Socket.create_server(8000))).toThrow(/ok: the call failed with ".+"/);
  const client = ok(sim.renoise.Socket.create_client("127.0.0.1", 8000));
  expect(ok(client.send("x"))).toBe(true);
  expect(() => ok([false, "timeout"])).toThrow('ok: the call failed with "timeout"');
  expect(() => ok(undefined as never)).toThrow(/expected a \[value, error\] pair/);
});
