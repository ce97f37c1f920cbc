import { expect, it } from "vitest";
import { createSimulation, ok, startResponder } from "../../src/index.js";

// The scenario files' built-in responders (HTTP, echo, line echo) start from TypeScript too.
it("starts HTTP, echo and line-echo responders from TypeScript", () => {
  const sim = createSimulation({ seed: 1, latency: 1 });
  startResponder(sim.addHost("api.example.com"), { kind: "http", port: 80, body: '{"ok":true}', contentType: "application/json" });
  startResponder(sim.addHost("echo"), { kind: "echo", port: 7 });
  startResponder(sim.addHost("chat"), { kind: "line-echo", port: 6000, prefix: "> " });
  const { Socket } = sim.renoise;

  const http = ok(Socket.create_client("api.example.com", 80));
  http.send("GET / HTTP/1.0\r\n\r\n");
  const [reply] = http.receive("*all", 100);
  expect(reply).toBe('HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"ok":true}');

  const echo = ok(Socket.create_client("echo", 7));
  echo.send("abc");
  expect(echo.receive(3, 100)).toEqual(["abc", undefined]);

  const chat = ok(Socket.create_client("chat", 6000));
  chat.send("hi\n");
  expect(chat.receive("*line", 100)).toEqual(["> hi", undefined]);
});
