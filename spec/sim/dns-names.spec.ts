import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// Names resolve through the simulation's own DNS: localhost, host names, aliases, registered names.
it("resolves localhost, host names, aliases and registered names; unknown names fail", () => {
  const sim = createSimulation();
  const box = sim.addHost("box", { address: "10.7.7.7", aliases: ["box.studio.lan"] });
  box.Socket.create_server(9300);
  sim.registerName("printer.lan", "10.7.7.7");
  for (const name of ["box", "BOX", "box.studio.lan", "printer.lan", "10.7.7.7"]) {
    const [client, err] = sim.renoise.Socket.create_client(name, 9300);
    expect(err, name).toBeUndefined();
    expect(client!.peer_address).toBe("10.7.7.7");
  }
  expect(sim.renoise.Socket.create_client("nope.lan", 9300)[1]).toBe("Host not found (authoritative)");
  expect(() => sim.addHost("box")).toThrow(/exists already/);
  expect(() => sim.addHost("dup", { address: "10.7.7.7" })).toThrow(/belongs to host "box"/);
});
