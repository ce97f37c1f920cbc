import { expect, it } from "vitest";
import { createSimulation, SocketLogicError, type SocketClient } from "../../src/index.js";

// R24: there is no disconnect callback; the accepted client's is_open turns false.
it("notices a gone peer only through is_open, and sending to it raises", () => {
  const sim = createSimulation();
  const [server] = sim.renoise.Socket.create_server(8500);
  let conn: SocketClient | undefined;
  const calls: string[] = [];
  server!.run({
    socket_accepted: (c) => {
      conn = c;
      calls.push("accepted");
    },
    socket_message: () => calls.push("message"),
    socket_error: () => calls.push("error"),
  });
  const [client] = sim.renoise.Socket.create_client("localhost", 8500);
  sim.advance(0);
  expect(conn!.is_open).toBe(true);
  client!.close();
  sim.advance(0);
  expect(calls).toEqual(["accepted"]);
  expect(conn!.is_open).toBe(false);
  expect(() => conn!.send("anyone?")).toThrow(SocketLogicError);
  expect(() => conn!.send("anyone?")).toThrow(/Check is_open before replying/);
});
