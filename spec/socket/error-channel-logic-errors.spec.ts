import { describe, expect, it } from "vitest";
import { createSimulation, SocketLogicError } from "../../src/index.js";

// R10: logic errors raise a runtime error that names the call and says what to do.
describe("logic errors raise", () => {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  const [server] = Socket.create_server(8080);
  const [client] = Socket.create_client("localhost", 8080);
  const anyApi = Socket as unknown as Record<string, (...a: unknown[]) => unknown>;
  const cases: [string, () => unknown, RegExp][] = [
    ["create_client address type", () => anyApi.create_client!(42, 80), /create_client: address must be/],
    ["create_client port range", () => Socket.create_client("localhost", 70000), /port must be an integer in 1..65535/],
    ["create_client port NaN", () => Socket.create_client("localhost", NaN), /port must be/],
    ["create_client protocol", () => anyApi.create_client!("localhost", 80, 3), /protocol must be/],
    ["create_client timeout 0", () => Socket.create_client("localhost", 80, 1, 0), /timeout must be a finite number > 0/],
    ["create_client timeout negative", () => Socket.create_client("localhost", 80, 1, -5), /timeout must be/],
    ["create_server no port", () => anyApi.create_server!(), /create_server: expected/],
    ["create_server port negative", () => Socket.create_server(-1), /port must be/],
    ['receive("*nothing")', () => client!.receive("*nothing" as never, 10), /invalid receive mode "\*nothing"/],
    ["receive(0)", () => client!.receive(0, 10), /invalid receive mode 0/],
    ["receive({})", () => client!.receive({} as never, 10), /invalid receive mode/],
    ["receive(1.5)", () => client!.receive(1.5, 10), /invalid receive mode/],
    ["receive negative timeout", () => client!.receive("*all", -1), /timeout must be a finite number >= 0/],
    ["receive NaN timeout", () => client!.receive("*all", NaN), /timeout must be/],
    ["send a number", () => client!.send(5 as never), /send: message must be a byte string/],
    ["send non-byte text", () => client!.send("€"), /U\+20AC .* is not a byte/],
    ["run(nil)", () => server!.run(undefined as never), /run: notifier must be a table/],
    ["run with a non-function callback", () => server!.run({ socket_message: 1 } as never), /notifier.socket_message must be a function/],
    ["wait negative", () => server!.wait(-1), /wait: timeout must be/],
  ];
  for (const [name, call, message] of cases) {
    it(name, () => {
      expect(call).toThrow(SocketLogicError);
      expect(call).toThrow(message);
    });
  }
  it("leaves the simulation usable", () => {
    expect(client!.send("still fine")).toEqual([true, undefined]);
  });
});
