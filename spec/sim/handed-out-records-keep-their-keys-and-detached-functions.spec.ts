/* eslint-disable @typescript-eslint/unbound-method -- the functions are taken off their objects on purpose: that is what this checks */
import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// The records a simulation hands out are made without object literals (see src/core/site-free.ts) but are the plain
// objects they were: Object.prototype, the same own keys in the same order, and functions that work when taken off.
it("keeps sim.renoise, renoise.Socket, host records and payload fields plain objects with their keys in order", () => {
  const sim = createSimulation();
  const phone = sim.addHost("phone");
  expect(Object.keys(sim.renoise)).toEqual(["Socket", "Osc", "song"]);
  expect(Object.keys(sim.renoise.Socket)).toEqual(["PROTOCOL_TCP", "PROTOCOL_UDP", "create_server", "create_client"]);
  expect(Object.keys(phone)).toEqual(["name", "address", "Socket"]);
  expect(phone).toStrictEqual({ name: "phone", address: phone.address, Socket: phone.Socket });
  // Plain objects, as literals were: toStrictEqual compares prototypes, and a Lua VM takes only plain objects as tables.
  const payload = sim.trace.payload("abc");
  for (const o of [sim.renoise, sim.renoise.Socket, phone, phone.Socket, payload]) expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  expect(Object.keys(payload)).toEqual(["bytes", "data", "hash"]);

  const { song } = sim.renoise;
  expect(song()).toBe(sim.song);
  const { create_server } = sim.renoise.Socket;
  const { create_client, PROTOCOL_TCP } = phone.Socket;
  const [server, serverErr] = create_server(7000);
  expect(serverErr).toBeUndefined();
  const [client, clientErr] = create_client(sim.host.address, 7000, PROTOCOL_TCP);
  expect(clientErr).toBeUndefined();
  expect(client!.is_open).toBe(true);
  server!.close();
  sim.dispose();
});
