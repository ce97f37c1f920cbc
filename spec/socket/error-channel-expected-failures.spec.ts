import { expect, it } from "vitest";
import { createSimulation, SocketErrors } from "../../src/index.js";

// R9: expected failures come back as error strings and never raise.
it("returns expected failures as strings without throwing", () => {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  const failures = [
    () => Socket.create_client("unknown.example", 80),
    () => Socket.create_client("localhost", 81),
    () => Socket.create_client("10.200.0.1", 80, 1, 10),
    () => (Socket.create_server(82), Socket.create_server(82)),
    () => Socket.create_server("10.9.9.9", 83),
  ];
  const errors = failures.map((f) => {
    const [value, error] = f();
    expect(value).toBeUndefined();
    expect(typeof error).toBe("string");
    return error;
  });
  expect(errors).toEqual([
    SocketErrors.HOST_NOT_FOUND,
    SocketErrors.CONNECTION_REFUSED,
    SocketErrors.CONNECT_TIMEOUT,
    SocketErrors.ADDRESS_IN_USE,
    SocketErrors.ADDRESS_NOT_AVAILABLE,
  ]);
  // The two texts Renoise fixes.
  expect(SocketErrors.TIMEOUT).toBe("timeout");
  expect(SocketErrors.DISCONNECTED).toBe("disconnected");
});
