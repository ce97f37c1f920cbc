// The "first test" from README.md, verbatim except for the import path (checked below).
import { expect, test } from "vitest";
import { createSimulation, ok } from "../../src/index.js";

test("my tool answers PING with PONG", () => {
  // onUnknownName: "error" fails the test if the tool connects to a name nobody added.
  const sim = createSimulation({ seed: 1, latency: 10, onUnknownName: "error" });
  const { Socket } = sim.renoise;

  // The tool under test: a line-based TCP server. ok() returns the server or throws the error string.
  const server = ok(Socket.create_server(8000));
  server.run({
    socket_message(client, message) {
      if (message === "PING\n") client.send("PONG\n");
    },
  });

  // A simulated phone on the network talks to it.
  const phone = sim.addHost("phone");
  const client = ok(phone.Socket.create_client("192.168.1.10", 8000));
  client.send("PING\n");
  expect(client.receive("*line", 500)).toEqual(["PONG", undefined]);
  expect(sim.now).toBe(40); // connect + request + reply, in virtual ms

  console.log(sim.formatTrace());
});

test("the README shows this file's test, with no non-null assertions", async () => {
  const { readFileSync } = await import("node:fs");
  const here = readFileSync(new URL(import.meta.url), "utf8");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf('```ts\nimport { expect, test } from "vitest";');
  const block = readme.slice(start + 6, readme.indexOf("```\n", start + 6));
  const mine = here.slice(here.indexOf('import { expect, test } from "vitest";'), here.indexOf("test(\"the README shows"));
  expect(block).toBe(mine.replace("../../src/index.js", "renoise-sim").trimEnd() + "\n");
  expect(block).not.toMatch(/\w!\./);
});
