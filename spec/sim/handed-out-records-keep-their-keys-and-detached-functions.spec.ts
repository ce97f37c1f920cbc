/* eslint-disable @typescript-eslint/unbound-method -- the functions are taken off their objects on purpose: that is what this checks */
import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// The records a simulation hands out are class instances (see src/core/site-free.ts) but read as the plain objects
// they were: the same own keys in the same order, and functions that work when taken off their object.
it("keeps the keys, their order and detachable functions of sim.renoise, renoise.Socket and host records", () => {
  const sim = createSimulation();
  const phone = sim.addHost("phone");
  expect(Object.keys(sim.renoise)).toEqual(["Socket", "Osc", "song"]);
  expect(Object.keys(sim.renoise.Socket)).toEqual(["PROTOCOL_TCP", "PROTOCOL_UDP", "create_server", "create_client"]);
  expect(Object.keys(phone)).toEqual(["name", "address", "Socket"]);
  expect({ ...phone }).toEqual({ name: "phone", address: phone.address, Socket: phone.Socket });

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
