import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// No module-level state: simulations in one process never see each other.
it("keeps hosts, ports, names and time separate between simulations", () => {
  const a = createSimulation({ seed: 1 });
  const b = createSimulation({ seed: 1 });
  a.addHost("only-in-a");
  expect(a.renoise.Socket.create_server(9000)[1]).toBeUndefined();
  expect(b.renoise.Socket.create_server(9000)[1]).toBeUndefined(); // same port, other world
  expect(b.renoise.Socket.create_client("only-in-a", 9000)[1]).toBe("Host not found (authoritative)");
  a.advance(500);
  expect(b.now).toBe(0);
  a.dispose();
  expect(() => a.advance(1)).toThrow(/disposed/);
  b.advance(1);
  expect(b.now).toBe(1);
});
